"""Lists while they are read: an item being filled, and where a new item goes (a sibling, a
child, or back out to an outer level) by its indent and marker. Private to `loaders.layout`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from loaders.document import Item, ListBlock, Place, Span
from loaders.lines import Line, follows
from loaders.text import ends_sentence, join_lines


@dataclass
class Node:
    """A list item while it is being read."""

    text: str
    marker: str | None
    kind: str
    indent: int
    place: Place
    spans: list[Span] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)

    def add(self, line: Line) -> None:
        joined = join_lines(self.text, line.text)
        self.spans.append(Span(len(joined) - len(line.text), line.place))
        self.text = joined
        self.emphasis += line.bold

    def freeze(self) -> Item:
        return Item(
            self.text.strip(),
            self.marker,
            self.place,
            tuple(c.freeze() for c in self.children),
            tuple(self.spans),
            self.kind,
            tuple(self.emphasis),
        )


def level(
    stack: list[tuple[int, str, list[Node]]],
    roots: list[Node],
    last: Node | None,
    kind: str,
    indent: int,
) -> list[Node]:
    """The sibling list a new item of `kind` at `indent` joins, opening or closing levels: an
    item indented under one that ends in ':' is its sub-item, as is one indented further."""
    if not stack:
        stack.append((indent, kind, roots))
        return roots
    while len(stack) > 1 and (
        indent < stack[-1][0] - 1
        or (indent <= stack[-2][0] < stack[-1][0] and kind == stack[-2][1])
    ):  # back out to the outer level: left of it, or at it with its kind of marker
        stack.pop()
    top_indent, top_kind, siblings = stack[-1]
    introduces = bool(siblings) and siblings[-1].text.endswith(":")  # "... include:"
    if last is not None and (indent > top_indent + 1 or (indent > top_indent and introduces)):
        parent = _last_at(siblings)
        stack.append((indent, kind, parent.children))
        return parent.children
    if kind != top_kind and abs(indent - top_indent) <= 1:
        for depth in range(len(stack) - 2, -1, -1):
            if stack[depth][1] == kind:
                del stack[depth + 1 :]
                return stack[-1][2]
        if siblings and kind in {"alpha", "roman", "paren", "upper"} and top_kind != "bullet":
            parent = siblings[-1]
            stack.append((indent, kind, parent.children))
            return parent.children
    return siblings


def _last_at(siblings: list[Node]) -> Node:
    return siblings[-1]


def same_list(
    stack: list[tuple[int, str, list[Node]]], kind: str, indent: int, mark: str | None, last: Node
) -> bool:
    """After a blank line, whether an item goes on with the list read so far: an item of a
    kind the list has opened a level for, or of the last item's kind, or indented under it."""
    if any(kind == k for _, k, _ in stack) or kind == last.kind or indent > stack[0][0] + 1:
        if (
            kind in {"num", "dotted", "label", "action"}
            and mark
            and last.marker
            and last.kind == kind
        ):
            return follows(last.marker, mark) or indent > stack[0][0] + 1
        return True
    return False


def continues(last: Node, line: Line) -> bool:
    """A wrapped line of the last item: indented under it, in lower case, or after text that
    has not ended its sentence."""
    return (
        line.indent > last.indent
        or line.text[:1].islower()
        or not ends_sentence(last.text)
        or last.text == ""
    )


def last_item(block: ListBlock) -> Item:
    """The item a list ends with, however deep."""
    item = block.items[-1]
    while item.children:
        item = item.children[-1]
    return item


def extend_last(
    items: tuple[Item, ...], text: str, spans: tuple[Span, ...], emphasis: tuple[str, ...]
) -> list[Item]:
    """The items with `text` joined to the last one (however deep), its spans moved along."""
    last = items[-1]
    if last.children:
        children = extend_last(last.children, text, spans, emphasis)
        extended = replace(last, children=tuple(children))
    else:
        joined = join_lines(last.text, text)
        shift = len(joined) - len(text)
        moved = tuple(Span(span.offset + shift, span.place) for span in spans)
        extended = replace(
            last, text=joined, spans=last.spans + moved, emphasis=last.emphasis + emphasis
        )
    return [*items[:-1], extended]
