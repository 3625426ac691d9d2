"""nnkg as a library: read the graph, count it, and explain a path hop by hop."""

from kg import claim_network, find_paths, graph_stats, load_quads

quads = load_quads()  # ./build, or the packaged sources built in memory
print(quads)
print(graph_stats(quads).by_certainty)

net = claim_network(quads)
ent = "https://w3id.org/nnkg/entity/"
best = find_paths(net, ent + "vitamin-b12", ent + "serotonin", limit=1)[0]
for hop in best.hops:
    said = hop.claims[0]  # the first of the claims behind this hop
    print(f"{net.nodes[hop.subject]['label']} -{hop.label}-> {net.nodes[hop.object]['label']}")
    print(f"    {hop.sign} {hop.certainty}: {said.source} [{said.start}:{said.end}]")
    print(f'    "{said.quote}"')
