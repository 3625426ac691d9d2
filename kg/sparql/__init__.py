"""SPARQL: a query checked before any engine sees it, the engines (rdflib, Oxigraph,
a remote endpoint) behind one interface, results and their formats, the Oxigraph store,
the canned queries, and push to a Graph Store."""
