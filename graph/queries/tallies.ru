# title: Statement tallies
# description: Recompute how many statements have each certainty and each relation.
# A SPARQL Update, run in the same transaction as every write (graph/tallies.py), so the count
# queries read a few tally nodes where counting the statements would read every one of them.
# Statements are counted across the named graphs with COUNT(DISTINCT ...), as the union graph sees
# them. ?tallies (the tallies graph) is bound at each bind marker. Tally IRIs are derived from the
# graph and the counted term, so a rebuild gives the same triples.
DELETE { GRAPH ?tallies { ?s ?p ?o } }
WHERE {
  #@bind
  GRAPH ?tallies { ?s ?p ?o }
} ;
INSERT { GRAPH ?tallies { ?tally a ont:StatementTally ; ont:tallyCertainty ?level ; ont:tallyCount ?n } }
WHERE {
  #@bind
  {
    SELECT ?level (COUNT(DISTINCT ?statement) AS ?n)
    WHERE { GRAPH ?g { ?statement ont:certainty ?level } }
    GROUP BY ?level
  }
  BIND(IRI(CONCAT(STR(?tallies), "/certainty/", MD5(STR(?level)))) AS ?tally)
} ;
INSERT { GRAPH ?tallies { ?tally a ont:StatementTally ; ont:tallyRelation ?predicate ; ont:tallyCount ?n } }
WHERE {
  #@bind
  {
    SELECT ?predicate (COUNT(DISTINCT ?statement) AS ?n)
    WHERE { GRAPH ?g { ?statement rdf:predicate ?predicate } }
    GROUP BY ?predicate
  }
  BIND(IRI(CONCAT(STR(?tallies), "/relation/", MD5(STR(?predicate)))) AS ?tally)
}
