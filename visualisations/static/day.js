"use strict";
// The network as it stood on one day, from the page's own data: which links, edges and
// nodes were live, and what hung on one person then. A link is live on a day when the day
// lies in its span ("live": [first, last], ISO text worked out in Python by graph.live, the
// rule of /leads): this script only compares text, it holds no copy of the rule.
//
// Reliance on a day is measured here over the page's live links: people and the places
// they reach (organisations, councils), split into biconnected blocks. Two organisations
// joined by one person hang on that person when the person's links to them lie in
// different blocks (the person separates them: Menger with one path); a person drawn as a
// node is an articulation point when their links lie in two blocks or more. On the maps
// that carry every link (organisations, people) this is what `councilgraph reliance --on`
// says; on the others it is measured over the links the map draws.
window.CouncilDay = (function () {
  function isLive(link, on) {
    const s = link.live;
    return !on || !s || (s[0] <= on && on <= s[1]);
  }
  function personOfNodes(data) {
    const byIri = new Map(data.people.map((p, i) => [p.iri, i]));
    return data.nodes.map(n => (n.kind === "person" && byIri.has(n.iri) ? byIri.get(n.iri) : -1));
  }

  // The view of every date: what Python drew and measured (each person joining what they
  // held at once).
  function all(data) {
    const personOf = personOfNodes(data);
    const view = { on: null, nodes: new Uint8Array(data.nodes.length).fill(1),
                   edges: new Uint8Array(data.edges.length).fill(1), carriers: [],
                   single: new Map(), articulation: new Set(), links: null };
    data.nodes.forEach((n, i) => { if (n.articulation && personOf[i] >= 0) view.articulation.add(personOf[i]); });
    data.edges.forEach((e, i) => {
      view.carriers[i] = e.people || [];
      if (!e.single) return;
      const named = (e.people || []).find(p => data.people[p].name === e.hangs_on);
      const drawn = [e.from, e.to].map(n => personOf[n]).find(p => p >= 0);
      view.single.set(i, named !== undefined ? named : (drawn !== undefined ? drawn : null));
    });
    return view;
  }

  function on(data, day) {
    const N = data.nodes.length, personOf = personOfNodes(data);
    const liveKeys = new Set(), hasLive = new Uint8Array(N), links = new Set();
    data.links.forEach((l, i) => {
      if (!isLive(l, day)) return;
      links.add(i);
      for (const n of l.at) { liveKeys.add(l.person + "|" + n); hasLive[n] = 1; }
    });
    const view = { on: day, nodes: new Uint8Array(N), edges: new Uint8Array(data.edges.length),
                   carriers: [], single: new Map(), articulation: new Set(), links };
    data.edges.forEach((e, i) => {
      if (e.people && e.people.length) {
        const who = e.people.filter(p => liveKeys.has(p + "|" + e.from) && liveKeys.has(p + "|" + e.to));
        view.carriers[i] = who;
        if (who.length) view.edges[i] = 1;
      } else {
        view.carriers[i] = [];
        if (e.kind === "partnership" || (hasLive[e.from] && hasLive[e.to])) view.edges[i] = 1;
      }
    });
    data.edges.forEach((e, i) => { if (view.edges[i]) { view.nodes[e.from] = 1; view.nodes[e.to] = 1; } });
    if (data.lone) for (let n = 0; n < N; n++) if (hasLive[n]) view.nodes[n] = 1;
    near(data, view);
    measure(data, view, personOf);
    return view;
  }

  // A map of one council: on a day, what lies within two steps of it then.
  function near(data, view) {
    const centre = data.nodes.findIndex(n => n.centre);
    if (centre < 0) return;
    const adjacent = data.nodes.map(() => []);
    data.edges.forEach((e, i) => { if (view.edges[i]) { adjacent[e.from].push(e.to); adjacent[e.to].push(e.from); } });
    const reached = new Uint8Array(data.nodes.length);
    let frontier = [centre]; reached[centre] = 1;
    for (let step = 0; step < 2; step++) {
      const next = [];
      for (const n of frontier) for (const m of adjacent[n]) if (!reached[m]) { reached[m] = 1; next.push(m); }
      frontier = next;
    }
    view.nodes = reached;
    data.edges.forEach((e, i) => { if (!reached[e.from] || !reached[e.to]) view.edges[i] = 0; });
  }

  // Blocks of the graph of people (vertices 0..P-1) and places (P + node), by Tarjan's
  // algorithm without recursion: the block of each (person, place) edge, and the people
  // who are articulation points.
  function blocks(P, N, pairs) {
    const V = P + N, adj = Array.from({ length: V }, () => []);
    pairs.forEach(([a, b], k) => { adj[a].push([b, k]); adj[b].push([a, k]); });
    const depth = new Int32Array(V).fill(-1), low = new Int32Array(V), block = new Int32Array(pairs.length).fill(-1);
    const cut = new Uint8Array(V), stack = [];
    let blocksMade = 0;
    for (let root = 0; root < V; root++) {
      if (depth[root] >= 0 || !adj[root].length) continue;
      depth[root] = 0; low[root] = 0;
      let rootChildren = 0;
      const walk = [[root, -1, 0]];
      while (walk.length) {
        const top = walk[walk.length - 1], [v, viaEdge] = top;
        if (top[2] < adj[v].length) {
          const [w, k] = adj[v][top[2]++];
          if (k === viaEdge) continue;
          if (depth[w] < 0) {
            stack.push(k); depth[w] = depth[v] + 1; low[w] = depth[w];
            if (v === root) rootChildren++;
            walk.push([w, k, 0]);
          } else if (depth[w] < depth[v]) { stack.push(k); low[v] = Math.min(low[v], depth[w]); }
          continue;
        }
        walk.pop();
        if (!walk.length) break;
        const u = walk[walk.length - 1][0];
        low[u] = Math.min(low[u], low[v]);
        if (low[v] >= depth[u]) {
          if (u !== root) cut[u] = 1;
          let k;
          do { k = stack.pop(); block[k] = blocksMade; } while (k !== viaEdge);
          blocksMade++;
        }
      }
      if (rootChildren > 1) cut[root] = 1;
    }
    return { block, cut };
  }

  function measure(data, view, personOf) {
    const P = data.people.length, index = new Map(), pairs = [];
    const place = n => data.nodes[n].kind !== "person" && data.nodes[n].kind !== "policy-area";
    for (const i of view.links) {
      const l = data.links[i];
      for (const n of l.at) {
        const key = l.person + "|" + n;
        if (!place(n) || index.has(key)) continue;
        index.set(key, pairs.length); pairs.push([l.person, P + n]);
      }
    }
    const { block, cut } = blocks(P, data.nodes.length, pairs);
    for (let p = 0; p < P; p++) if (cut[p]) view.articulation.add(p);
    const blockOf = (p, n) => block[index.get(p + "|" + n)];
    data.edges.forEach((e, i) => {
      if (!view.edges[i]) return;
      const drawn = [e.from, e.to].map(n => personOf[n]).find(p => p >= 0);
      if (drawn !== undefined) { if (view.articulation.has(drawn)) view.single.set(i, drawn); return; }
      const who = view.carriers[i];
      if (who.length === 1 && place(e.from) && place(e.to) && blockOf(who[0], e.from) !== blockOf(who[0], e.to))
        view.single.set(i, who[0]);
    });
  }

  return { all, on, isLive };
})();
