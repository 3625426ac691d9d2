"""nnkg in a notebook: open the graph once, ask in plain names, get answers that show
themselves (in Jupyter, each answer below renders as HTML: hops with their quotes, tables,
the page itself), convert to dicts and to pandas."""

import nnkg

g = nnkg.open()  # ./build, or the packaged sources built in memory

answer = g.path("B12", "Alzheimer disease", limit=1)  # labels, synonyms, CURIEs, IRIs
print(answer)  # the text `nnkg path` prints; answer.to_dict() is its --format json

try:
    g.effects("vitamin B12 defficiency")
except nnkg.UnknownEntityError as error:  # never a silent empty answer
    print(error.matches)

downstream = g.effects("vitamin B12 deficiency", max_hops=1).to_dataframe()
print(downstream[["entity", "sign", "certainty"]].head(4).to_string(index=False))

facts = g.query("competency-01").to_dataframe()  # a canned query, or SPARQL text
print(facts[["relation", "targetLabel", "claims"]].to_string(index=False))

page = g.render(focus="myelin", hops=1)  # in Jupyter: the page inline, offline
print(page.to_dict()["focus"], "<iframe srcdoc=" in page._repr_html_())
