"""The fewest people whose departure separates two organisations, for every pair at once.

People are the only thing that can leave: an organisation is never cut. Seen from the
organisations, each person is a hyperedge joining every organisation they hold a post in,
and the fewest people separating a and b is the minimum a–b cut of that hypergraph. Its cut
function is symmetric and submodular, so one Gomory–Hu tree holds every pair's answer:
the value for a and b is the lightest edge on the tree path between them, and that edge's
fundamental cut names one smallest set of people (Gusfield's algorithm: n − 1 maximum
flows, no contractions; tested against a flow per pair on random graphs).

Each flow runs on scipy's Dinic implementation over the usual split graph: a person is an
in-node and an out-node joined by capacity 1, tied to their organisations by edges no cut
can afford. At the 100% synthetic corpus (361 organisations, 1,352 people in two or more)
that is 360 flows where the pairwise method ran 56,296.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import breadth_first_order, connected_components, maximum_flow


@dataclass
class _Component:
    """One connected group of organisations: the flow graph and the tree over it."""

    orgs: np.ndarray  # global org indices, in the order the tree uses
    parent: np.ndarray  # tree parent (local index); the root is its own parent
    weight: np.ndarray  # weight of the edge (i, parent[i])
    minimum: np.ndarray  # minimum[i, j]: the value for local orgs i and j
    lightest: np.ndarray  # lightest[i, j]: the local i whose edge (i, parent[i]) is that minimum
    tin: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    tout: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


class CutTree:
    """Gomory–Hu tree of the organisations, where people are the edges that can be cut."""

    def __init__(
        self,
        holdings: Mapping[str, Sequence[str]] | Iterable[tuple[str, Sequence[str]]],
        check: Callable[[], None] | None = None,
    ) -> None:
        """`holdings`: each person -> the organisations they hold posts in, or (person,
        organisations) pairs, where a person may come more than once (the organisations
        they joined at one time, and at another: each is a thread of its own, and a cut
        names the person once); `check` is called before each flow and may raise to stop
        the work."""
        self._check = check or (lambda: None)
        org_ids: dict[str, int] = {}
        people: list[str] = []
        members: list[list[int]] = []
        pairs = holdings.items() if isinstance(holdings, Mapping) else holdings
        for person, orgs in pairs:
            ids = sorted({org_ids.setdefault(o, len(org_ids)) for o in orgs})
            if len(ids) >= 2:  # a person in one organisation joins nothing
                people.append(person)
                members.append(ids)
        self.orgs = list(org_ids)
        self.index = org_ids
        self.people = people
        self.person_of = np.repeat(np.arange(len(people)), [len(m) for m in members])
        self.org_of = np.array([o for m in members for o in m], dtype=np.int64)
        self.degree = np.array([len(m) for m in members], dtype=np.int64)
        self._components: list[_Component] = []
        self._where = np.full((len(self.orgs), 2), -1, dtype=np.int64)  # component, local
        self._cuts: dict[tuple[int, int], tuple[str, ...]] = {}
        self._build()

    def _build(self) -> None:
        n = len(self.orgs)
        if n == 0:
            return
        joined = coo_array(
            (np.ones(len(self.org_of)), (self.org_of, self.person_of + n)),
            shape=(n + len(self.people),) * 2,
        )
        _, labels = connected_components(joined, directed=False)
        for label in sorted(set(labels[:n].tolist())):
            orgs = np.flatnonzero(labels[:n] == label)
            component = self._tree(orgs)
            for local, org in enumerate(orgs):
                self._where[org] = (len(self._components), local)
            self._components.append(component)

    def _flow_graph(self, orgs: np.ndarray) -> tuple[csr_array, int]:
        local = np.full(len(self.orgs), -1, dtype=np.int64)
        local[orgs] = np.arange(len(orgs))
        keep = local[self.org_of] >= 0
        person, org = self.person_of[keep], local[self.org_of[keep]]
        used, person = np.unique(person, return_inverse=True)
        n, big = len(orgs), len(used) + 1
        inn, out = n + 2 * person, n + 2 * person + 1
        persons = np.arange(len(used))
        rows = np.concatenate([org, out, n + 2 * persons])
        cols = np.concatenate([inn, org, n + 2 * persons + 1])
        caps = np.concatenate([np.full(2 * len(org), big), np.ones(len(used), dtype=np.int64)])
        size = n + 2 * len(used)
        graph = coo_array((caps.astype(np.int32), (rows, cols)), shape=(size, size)).tocsr()
        graph.sum_duplicates()
        return graph, n

    def _tree(self, orgs: np.ndarray) -> _Component:
        """Gusfield's Gomory–Hu tree over one component's organisations."""
        n = len(orgs)
        parent, weight = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
        if n > 1:
            graph, _ = self._flow_graph(orgs)
            for s in range(1, n):
                self._check()
                t = int(parent[s])
                value, side = _min_cut(graph, s, t, n)
                weight[s] = value
                moved = side & (parent == t)
                moved[s] = False
                parent[moved] = s
                if side[parent[t]]:
                    parent[s], parent[t] = parent[t], s
                    weight[s], weight[t] = weight[t], value
        minimum, lightest = _path_minima(parent, weight)
        component = _Component(orgs, parent, weight, minimum, lightest)
        component.tin, component.tout = _euler(parent)
        return component

    def connectivity(self, a: str, b: str) -> int:
        """The fewest people whose departure separates a and b (0 when nothing joins them)."""
        found = self._pair(a, b)
        return 0 if found is None else int(found[0].minimum[found[1], found[2]])

    def connectivities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """`connectivity` of many pairs at once (array lookups, not a call per pair)."""
        if not pairs:
            return np.zeros(0, dtype=np.int64)
        at = np.array([[self.index.get(a, -1), self.index.get(b, -1)] for a, b in pairs])
        known: np.ndarray = np.all(at >= 0, axis=1)
        where = self._where[np.where(known[:, None], at, 0)]
        found = np.zeros(len(pairs), dtype=np.int64)
        same = known & (where[:, 0, 0] == where[:, 1, 0]) & (at[:, 0] != at[:, 1])
        for c, component in enumerate(self._components):
            rows = np.flatnonzero(same & (where[:, 0, 0] == c))
            found[rows] = component.minimum[where[rows, 0, 1], where[rows, 1, 1]]
        return found

    def cut(self, a: str, b: str) -> tuple[str, ...]:
        """One smallest set of people separating a and b (empty when nothing joins them)."""
        found = self._pair(a, b)
        if found is None:
            return ()
        component, i, j = found
        edge = int(component.lightest[i, j])
        key = (int(self._where[component.orgs[edge], 0]), edge)
        if key not in self._cuts:
            self._cuts[key] = self._fundamental_cut(component, edge)
        return self._cuts[key]

    def _pair(self, a: str, b: str) -> tuple[_Component, int, int] | None:
        ia, ib = self.index.get(a), self.index.get(b)
        if ia is None or ib is None or ia == ib:
            return None
        (ca, la), (cb, lb) = self._where[ia], self._where[ib]
        return None if ca != cb else (self._components[int(ca)], int(la), int(lb))

    def _fundamental_cut(self, component: _Component, edge: int) -> tuple[str, ...]:
        """People with posts on both sides when the tree edge (edge, parent[edge]) is removed."""
        inside = np.zeros(len(self.orgs), dtype=bool)
        below = (component.tin >= component.tin[edge]) & (component.tin <= component.tout[edge])
        inside[component.orgs[below]] = True
        counts = np.bincount(self.person_of, inside[self.org_of], minlength=len(self.people))
        straddle = np.flatnonzero((counts > 0) & (counts < self.degree))
        return tuple(dict.fromkeys(self.people[p] for p in straddle))


def _min_cut(graph: csr_array, s: int, t: int, n: int) -> tuple[int, np.ndarray]:
    """Maximum s–t flow and the organisations on s's side of a minimum cut."""
    result = maximum_flow(graph, s, t)
    residual = (graph - result.flow).tocsr()
    residual.data = (residual.data > 0).astype(np.int8)
    residual.eliminate_zeros()
    reached = breadth_first_order(residual, s, directed=True, return_predecessors=False)
    side = np.zeros(n, dtype=bool)
    side[reached[reached < n]] = True
    return int(result.flow_value), side


def _path_minima(parent: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every pair of tree nodes, the lightest edge on the path between them (Kruskal:
    joining edges heaviest first, the edge that first connects two nodes is that edge)."""
    n = len(parent)
    minimum = np.zeros((n, n), dtype=np.int64)
    lightest = np.zeros((n, n), dtype=np.int64)
    groups = {i: [i] for i in range(n)}
    owner = list(range(n))
    for child in sorted(range(1, n), key=lambda i: -int(weight[i])):
        a, b = owner[child], owner[int(parent[child])]
        left, right = np.array(groups[a]), np.array(groups[b])
        for x, y in ((left, right), (right, left)):
            minimum[np.ix_(x, y)] = weight[child]
            lightest[np.ix_(x, y)] = child
        if len(groups[a]) < len(groups[b]):
            a, b = b, a
        for node in groups[b]:
            owner[node] = a
        groups[a].extend(groups.pop(b))
    return minimum, lightest


def _euler(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Entry and exit times of a depth-first walk from the root: the subtree of i is every
    node whose entry time lies in [tin[i], tout[i]]."""
    n = len(parent)
    children: list[list[int]] = [[] for _ in range(n)]
    for i in range(1, n):
        children[int(parent[i])].append(i)
    tin, tout = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    clock, stack = 0, [(0, False)]
    while stack:
        node, done = stack.pop()
        if done:
            tout[node] = clock - 1
            continue
        tin[node] = clock
        clock += 1
        stack.append((node, True))
        stack.extend((c, False) for c in children[node])
    return tin, tout
