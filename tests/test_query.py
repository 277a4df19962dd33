"""Parameters are bound as RDF terms, never pasted; named-query mistakes give clear errors."""

import pytest
from rdflib import Literal, URIRef

from graph.errors import InputError, QueryError
from graph.query import bind_values, load_named_query, run_named, run_query

HOSTILE = ['" } DROP ALL { "', "x' } ; DELETE WHERE { ?s ?p ?o } #", "> } INSERT DATA { <a> <b> <c> } <", "\\\"\n}"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literal_matches_nothing_and_changes_nothing(bundled_oxigraph, value):
    before = run_named(bundled_oxigraph, "count-statements-by-relation").rows
    result = run_query(bundled_oxigraph, "SELECT ?s WHERE { ?s rdfs:label ?name }", {"name": Literal(value)})
    assert result.rows == []
    assert run_named(bundled_oxigraph, "count-statements-by-relation").rows == before


def test_a_bound_literal_matches_exactly(bundled_oxigraph):
    result = run_query(bundled_oxigraph, "SELECT ?s WHERE { ?s rdfs:label ?name }", {"name": Literal("Russia", lang="en")})
    assert [str(r[0]).rsplit("/", 1)[1] for r in result.rows] == ["russia"]


def test_iris_that_could_break_out_are_refused():
    with pytest.raises(InputError, match="bad IRI"):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://a> } DROP ALL { <b")})


def test_values_go_inside_the_where_group_not_a_construct_template():
    q = bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("http://a")})
    assert q == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <http://a> } ?s ?p ?o }"


@pytest.mark.parametrize("name,params,message", [
    ("no-such-query", {}, "unknown named query 'no-such-query'"),
    ("unsc-votes", {"colour": "red"}, "unknown parameter 'colour'"),
    ("actor-relations", {}, "needs --param actor"),
    ("actor-relations", {"actor": "Atlantis"}, "unknown entity 'Atlantis'"),
    ("unconfirmed-claims", {"certainty": "rumoured"}, "unknown certainty 'rumoured'"),
])
def test_named_query_mistakes_are_clear(bundled_memory, name, params, message):
    with pytest.raises((QueryError, InputError), match=message):
        run_named(bundled_memory, name, params)


def test_every_query_file_has_a_comment_header():
    from graph.resources import queries_dir

    for path in queries_dir().glob("*.rq"):
        text = path.read_text()
        assert text.startswith("# title: "), path.name
        query = load_named_query(path)
        assert query.description, path.name
        for param in query.params:  # each parameter is a variable the query uses
            assert f"?{param.name}" in text.split("\n", 5)[-1] or f"?{param.name} " in text, (path.name, param.name)


def test_named_queries_return_a_sorted_page_and_say_when_more_rows_exist(bundled_oxigraph):
    every = run_named(bundled_oxigraph, "statements", limit=0)
    assert len(every.rows) > 10 and not every.truncated
    page = run_named(bundled_oxigraph, "statements", limit=10)
    assert len(page.rows) == 10 and page.truncated
    assert {tuple(r) for r in page.rows} <= {tuple(r) for r in every.rows}
    assert [r[0] for r in page.rows] == sorted(r[0] for r in page.rows)
    whole = run_named(bundled_oxigraph, "statements", limit=len(every.rows))
    assert len(whole.rows) == len(every.rows) and not whole.truncated


def test_a_negative_limit_is_refused(bundled_memory):
    with pytest.raises(QueryError, match="limit must be 0"):
        run_named(bundled_memory, "statements", limit=-1)


def test_values_go_at_every_bind_marker_and_only_a_marker_alone_on_its_line():
    union = "SELECT * WHERE {\n  {\n    #@bind\n    ?s ?p ?o\n  } UNION {\n    #@bind\n    ?o ?p ?s\n  }\n}"
    bound = bind_values(union, {"s": URIRef("http://a")})
    assert bound.count("VALUES ?s { <http://a> }") == 2 and "#@bind" not in bound
    mentioned = "# binds at #@bind lines\nSELECT * WHERE { ?s ?p ?o }"
    assert bind_values(mentioned, {"s": URIRef("http://a")}).endswith("WHERE { VALUES ?s { <http://a> } ?s ?p ?o }")
