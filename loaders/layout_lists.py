"""Lists while they are read: an item being filled, and where a new item goes (a sibling, a
child, or back out to an outer level) by its indent and marker. Private to `loaders.layout`."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.document import Item, Place, Span
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

    def add(self, line: Line) -> None:
        joined = join_lines(self.text, line.text)
        self.spans.append(Span(len(joined) - len(line.text), line.place))
        self.text = joined

    def freeze(self) -> Item:
        return Item(
            self.text.strip(),
            self.marker,
            self.place,
            tuple(c.freeze() for c in self.children),
            tuple(self.spans),
            self.kind,
        )


def level(
    stack: list[tuple[int, str, list[Node]]],
    roots: list[Node],
    last: Node | None,
    kind: str,
    indent: int,
) -> list[Node]:
    """The sibling list a new item of `kind` at `indent` joins, opening or closing levels."""
    if not stack:
        stack.append((indent, kind, roots))
        return roots
    while len(stack) > 1 and indent < stack[-1][0] - 1:
        stack.pop()
    top_indent, top_kind, siblings = stack[-1]
    if indent > top_indent + 1 and last is not None:
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
    """After a blank line, whether an item goes on with the list read so far."""
    if any(kind == k for _, k, _ in stack) or indent > stack[0][0] + 1:
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
