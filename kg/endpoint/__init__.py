"""``nnkg serve``: the SPARQL 1.1 Protocol endpoint and the graph page, answered by a
pool of worker processes shared fairly among clients."""
