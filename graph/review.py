"""``kg review``: the analyst's workbench, a local page where machine-made facts are judged.

:class:`Workbench` holds the logic and never speaks HTTP: the queue of statements an extractor
made and nobody judged yet (lowest confidence first), the text of their documents, and
:meth:`Workbench.decide`, which records one decision (accept, reject, correct, add) in the
corpus's ``decisions/documents/<doc>.yaml`` (see :mod:`graph.decisions`) and in the store, together:

- the YAML is written to a temporary file, the store takes the change in one transaction, and
  only then is the file renamed into place; a failure leaves both as they were;
- every write names the version of the document's decisions it was based on; a write based on
  an older version (another tab wrote since) is refused as a :class:`Conflict`, never merged
  silently;
- a rejected or corrected statement leaves its document's graph at once, and stays out when the
  document is ingested again.

:func:`serve_review` puts a page in front of it on 127.0.0.1: the Host header must name this
server, every write must carry the per-run token the page was given (so no other site can
write), bodies are small JSON, and the page shows all document text as text.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import secrets
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .decisions import Decision, DocumentDecisions, entity_graph, load_decisions, load_document_decisions, \
    load_entity_decisions, merge_triples, now, review_triples, save_document_decisions, save_entity_decisions, \
    with_entity_decisions
from .gazetteer import with_gazetteer
from .errors import InputError, KGError
from .model import CERTAINTIES, PartialDate
from .namespaces import ONT, RELATIONS, Instances
from .query import run_query
from .registry import load_registry
from .resources import queries_dir
from .store import Store
from .tallies import write_graphs
from .views import producer_kind

__all__ = ["Conflict", "Workbench", "serve_review", "MAX_BODY"]

#: The largest request body the page may send (a decision is a few hundred bytes).
MAX_BODY = 64 * 1024
_ACTIONS = ("accept", "reject", "correct", "add")


#: What describes an entity (rather than stating a fact about it).
_DESCRIPTION = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, ONT.producedBy, RDFS.comment, OWL.sameAs}


def _nt(triple) -> str:
    """One triple as a line of N-Triples (how the merge log records what moved)."""
    return " ".join(term.n3() for term in triple) + " ."


def _from_nt(line: str) -> tuple:
    return next(iter(Graph().parse(data=line, format="nt")))


class Conflict(KGError):
    """The decision was based on an older version of the document's decisions."""


def _short(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


class Workbench:
    """Review over one store and one corpus folder (where decisions and the registry live)."""

    def __init__(self, store: Store, data_dir: Path, home: Path, reviewer: str = "anonymous"):
        self.store, self.data_dir, self.home = store, Path(data_dir), Path(home)
        self.reviewer = reviewer
        self.inst = Instances()
        self._lock = threading.Lock()

    # --- reading -------------------------------------------------------------------------------
    def statements(self, statement: str | None = None) -> list[dict]:
        """Every machine-made statement in the store (or the one named), as the page shows it."""
        text = (queries_dir() / "internal" / "review-queue.rq").read_text(encoding="utf-8")
        bindings = {"curated": self.inst.agent("curated")}
        if statement:
            bindings["statement"] = URIRef(statement)
        rows = run_query(self.store, text, bindings).dicts()
        out = []
        for r in rows:
            out.append({
                "statement": str(r["statement"]), "graph": str(r["graph"]), "document": str(r["document"]),
                "subject": self.inst.entity_id(str(r["s"])) or str(r["s"]), "subjectLabel": str(r.get("subject") or _short(r["s"])),
                "relation": _short(r["relation"]), "object": self.inst.entity_id(str(r["o"])) or str(r["o"]),
                "objectLabel": str(r.get("object") or _short(r["o"])), "certainty": _short(r["certainty"]).lower(),
                "time": str(r.get("time") or r.get("start") or r.get("end") or ""),
                "confidence": float(r["confidence"]), "producer": str(r.get("producer") or ""),
                "quote": str(r["quote"]), "start": int(r["quoteStart"]), "end": int(r["quoteEnd"]),
            })
        return out

    def queue(self, *, document: str | None = None, relation: str | None = None, certainty: str | None = None,
              producer: str | None = None) -> list[dict]:
        """Statements nobody has judged, lowest confidence first, filtered as asked."""
        decisions = load_decisions(self.data_dir)
        judged = set().union(*(d.judged() for d in decisions.values())) if decisions else set()
        rows = [r for r in self.statements() if r["statement"] not in judged]
        if document:
            rows = [r for r in rows if r["document"] == document]
        if relation:
            rows = [r for r in rows if r["relation"] == relation]
        if certainty:
            rows = [r for r in rows if r["certainty"] == certainty]
        if producer:  # a kind (rules, llm) or the start of a producer's label
            rows = [r for r in rows if producer_kind(r["producer"]) == producer or r["producer"].startswith(producer)]
        return sorted(rows, key=lambda r: (r["confidence"], r["document"], r["start"]))

    def text(self, doc_id: str) -> str:
        """The body of a document: the copy ``kg ingest`` kept, else the corpus's own file."""
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", doc_id or ""):
            raise InputError(f"bad document id {doc_id!r}")
        kept = self.home / "documents" / f"{doc_id}.txt"
        if kept.is_file():
            return kept.read_text(encoding="utf-8")
        from .documents import read_documents  # the corpus's documents carry a header

        for doc in read_documents(self.data_dir / "documents"):
            if doc.id == doc_id:
                return doc.text
        raise InputError(f"no text for document {doc_id!r} (ingest it again to keep a copy for review)")

    def document(self, doc_id: str) -> dict:
        """A document's text and the version of its decisions (what a write must name)."""
        decisions = load_document_decisions(self.data_dir, doc_id)
        return {"id": doc_id, "text": self.text(doc_id), "version": decisions.version,
                "decisions": [d.as_yaml() | {"kind": d.kind} for d in decisions.decisions]}

    def entities(self, query: str = "", limit: int = 20) -> list[dict]:
        """Registry entities whose id, label or alias contains ``query`` (for choosing a subject or object)."""
        wanted = query.casefold().strip()
        out = []
        for e in self.registry(keep_merged=False):
            if not wanted or any(wanted in n.casefold() for n in (e.id, *e.names())):
                out.append({"id": e.id, "label": e.label, "class": e.cls})
            if len(out) >= limit:
                break
        return out

    def registry(self, *, keep_merged: bool = True):
        """The corpus registry with the entity decisions applied (accepted entities, merges)."""
        return with_entity_decisions(load_registry(self.data_dir / "entities.yaml"),
                                     load_entity_decisions(self.data_dir), keep_merged=keep_merged)

    def proposals(self) -> dict:
        """Entities an extractor proposed that are in neither the registry nor the gazetteer, with
        the documents that name them; and the merge log, and the version of the entity decisions."""
        known = with_gazetteer(self.registry())
        rows = self._proposal_rows()
        found: dict[str, dict] = {}
        for entity, label, cls, doc in rows:
            entity_id = self.inst.entity_id(str(entity))
            if entity_id is None or entity_id in known:
                continue
            item = found.setdefault(entity_id, {"id": entity_id, "label": str(label), "class": _short(cls), "documents": []})
            if str(doc) not in item["documents"]:
                item["documents"].append(str(doc))
        judged = load_entity_decisions(self.data_dir)
        return {"version": judged.version, "proposals": sorted(found.values(), key=lambda p: p["label"].casefold()),
                "merges": [{k: v for k, v in m.items() if k != "moved"} | {"index": i} for i, m in enumerate(judged.merges)]}

    def _proposal_rows(self) -> list:
        text = ("SELECT ?e ?label ?cls ?doc WHERE { GRAPH ?g { ?e ont:producedBy ?agent ; rdfs:label ?label ; a ?cls . "
                "?d a ont:Document ; dcterms:identifier ?doc } FILTER(?agent != ?curated) }")
        return run_query(self.store, text, {"curated": self.inst.agent("curated")}).rows

    def decide_entity(self, action: dict) -> dict:
        """Accept a proposed entity, merge one entity into another, or undo a merge (see
        :mod:`graph.decisions`); file and store change together, against the version named."""
        kind = action.get("action") if isinstance(action, dict) else None
        if kind not in ("accept-entity", "merge", "undo-merge"):
            raise InputError("unknown entity action (accept-entity, merge or undo-merge)")
        stamp = {"reviewer": str(action.get("reviewer") or self.reviewer)[:80], "at": now()}
        with self._lock:
            judged = load_entity_decisions(self.data_dir)
            if action.get("version") != judged.version:
                raise Conflict(f"the entity decisions changed since this page read them (version {judged.version}, "
                               f"not {action.get('version')}): reload to see them")
            if kind == "accept-entity":
                graphs = self._accept_entity(action, judged, stamp)
            elif kind == "merge":
                graphs = self._merge(action, judged, stamp)
            else:
                graphs = self._undo(action, judged, stamp)
            judged.version += 1
            graphs[self.inst.graph_entities()] = entity_graph(load_registry(self.data_dir / "entities.yaml"), judged,
                                                              self.inst)
            self._commit(graphs, save_entity_decisions(self.data_dir, judged), "entities.yaml")
            return {"version": judged.version, "decided": kind}

    def _accept_entity(self, action: dict, judged, stamp) -> dict:
        from .registry import entity_from_mapping

        aliases = [a.strip() for a in str(action.get("aliases") or "").split(",") if a.strip()]
        item = {"id": str(action.get("id") or ""), "class": str(action.get("class") or ""),
                "label": str(action.get("label") or "").strip()}
        if aliases:
            item["aliases"] = aliases
        if action.get("wikidata"):
            item["wikidata"] = str(action["wikidata"]).strip()
        entity = entity_from_mapping(item, "the accepted entity")  # one clear line on a bad class, id or QID
        if entity.id in self.registry():
            raise InputError(f"{entity.id!r} is already in the registry")
        judged.accepted.append(item | stamp)
        # the proposal's own description leaves the documents' graphs: the registry's takes over
        graphs = {}
        for graph in self._graphs_naming(entity.id):
            rows = self._graph_triples(graph)
            node = self.inst.entity(entity.id)
            graphs[graph] = [t for t in rows if not (t[0] == node and t[1] in _DESCRIPTION)]
        return graphs

    def _merge(self, action: dict, judged, stamp) -> dict:
        merged, into = str(action.get("merged") or "").strip(), str(action.get("into") or "").strip()
        registry = self.registry()
        for entity in (merged, into):
            if entity not in registry and not self._in_store(entity):
                raise InputError(f"unknown entity {entity!r}: choose one from the registry")
        if merged == into:
            raise InputError("an entity cannot be merged into itself")
        active = judged.active_merges()
        if merged in active:
            raise InputError(f"{merged!r} is already merged into {active[merged]!r}")
        if into in active:
            raise InputError(f"{into!r} was merged into {active[into]!r}: merge into that one")
        graphs, moved = {}, {}
        for graph in self._graphs_naming(merged):
            if graph in (self.inst.graph_entities(), self.inst.graph_ontology()):
                continue
            before = self._graph_triples(graph)
            after = merge_triples(before, {merged: into}, self.inst)
            if after != before:
                old, new = set(before), set(after)
                graphs[graph] = after
                moved[str(graph)] = {"removed": sorted(_nt(t) for t in old - new), "added": sorted(_nt(t) for t in new - old)}
        reason = str(action.get("reason") or "").strip()[:500]
        judged.merges.append({"merged": merged, "into": into, **({"reason": reason} if reason else {}), **stamp,
                              "moved": moved})
        return graphs

    def _undo(self, action: dict, judged, stamp) -> dict:
        try:
            entry = judged.merges[int(action.get("index"))]
        except (TypeError, ValueError, IndexError):
            raise InputError("no such merge in the log") from None
        if entry.get("undone"):
            raise InputError(f"the merge of {entry['merged']!r} into {entry['into']!r} was undone already")
        later = [m for m in judged.merges[judged.merges.index(entry) + 1:] if not m.get("undone") and m["into"] == entry["merged"]]
        if later:
            raise InputError(f"undo the later merge of {later[0]['merged']!r} into {entry['merged']!r} first")
        graphs = {}
        for graph, diff in (entry.get("moved") or {}).items():
            current = self._graph_triples(URIRef(graph))
            added = {_from_nt(line) for line in diff.get("added", [])}
            graphs[URIRef(graph)] = [t for t in current if t not in added] + [_from_nt(line) for line in diff.get("removed", [])]
        entry["undone"] = stamp
        return graphs

    def _graphs_naming(self, entity_id: str) -> list[URIRef]:
        rows = run_query(self.store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { { ?e ?p ?o } UNION { ?s ?p ?e } } }",
                         {"e": self.inst.entity(entity_id)}).rows
        return [r[0] for r in rows]

    def _graph_triples(self, graph: URIRef) -> list:
        return [tuple(r) for r in run_query(self.store, "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph}).rows]

    # --- writing -------------------------------------------------------------------------------
    def decide(self, action: dict) -> dict:
        """Record one decision (see the module docstring); returns the document's new version."""
        if not isinstance(action, dict) or action.get("action") not in _ACTIONS:
            raise InputError(f"unknown action (one of {', '.join(_ACTIONS)})")
        doc_id = str(action.get("document") or "")
        with self._lock:
            current = load_document_decisions(self.data_dir, doc_id)
            if action.get("version") != current.version:
                raise Conflict(f"the decisions on {doc_id} changed since this page read them (version "
                               f"{current.version}, not {action.get('version')}): reload to see them")
            made, gone = self._decisions(action, doc_id)
            updated = DocumentDecisions(doc_id, current.decisions + made, current.version + 1)
            everything = load_decisions(self.data_dir)
            everything[doc_id] = updated
            graphs = {self.inst.graph_review(): review_triples(everything.values(), self.inst)}
            for statement in gone:
                graph, triples = self._graph_without(statement)
                graphs[graph] = triples
            self._commit(graphs, save_document_decisions(self.data_dir, updated), f"{doc_id}.yaml")
            return {"document": doc_id, "version": updated.version, "decided": [d.kind for d in made]}

    def _commit(self, graphs: dict, tmp: Path, name: str) -> None:
        """The store takes ``graphs`` in one transaction, then the decisions file written to
        ``tmp`` takes its place as ``name``; if the store fails, the file is left as it was."""
        try:
            write_graphs(self.store, graphs, inst=self.inst)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, tmp.with_name(name))

    def _decisions(self, action: dict, doc_id: str) -> tuple[list[Decision], list[str]]:
        kind = action["action"]
        stamp = {"reviewer": str(action.get("reviewer") or self.reviewer)[:80], "at": now()}
        reason = str(action.get("reason") or "").strip()[:500] or None
        if kind == "add":
            text = self.text(doc_id)
            start, end = self._offsets(action, text)
            fact = self._checked(Decision("added", doc_id, "", "", "", text[start:end], start, **stamp), action)
            return [fact], []
        original = self._statement(str(action.get("statement") or ""), doc_id)
        if kind == "accept":
            return [replace(original, kind="accepted", **stamp)], []
        if kind == "reject":
            return [replace(original, kind="rejected", reason=reason, **stamp)], [original.statement]
        corrected = self._checked(replace(original, kind="corrected", reason=reason, **stamp), action)
        if corrected.key()[1:4] == original.key()[1:4] and (corrected.certainty, corrected.time) == (original.certainty, original.time):
            raise InputError("the correction changes nothing: accept the statement instead")
        return [replace(original, kind="rejected", reason="corrected", **stamp), corrected], [original.statement]

    def _offsets(self, action: dict, text: str) -> tuple[int, int]:
        try:
            start, end = int(action["start"]), int(action["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError("a fact added from the text needs the start and end of the selection") from None
        if not 0 <= start < end <= len(text):
            raise InputError(f"the selection {start}-{end} is outside the document (0-{len(text)})")
        if action.get("quote") is not None and text[start:end] != action["quote"]:
            raise InputError("the selected words are not at those offsets of the document (was it changed?)")
        return start, end

    def _checked(self, fact: Decision, action: dict) -> Decision:
        """``fact`` with the subject, relation, object, certainty and date the action gives, checked."""
        values = {k: str(action[k]).strip() for k in ("subject", "relation", "object", "certainty", "time")
                  if action.get(k) not in (None, "")}
        fact = replace(fact, **{k: v for k, v in values.items() if k in ("subject", "relation", "object", "certainty")})
        if fact.relation not in RELATIONS:
            raise InputError(f"unknown relation {fact.relation!r}")
        if fact.certainty not in CERTAINTIES:
            raise InputError(f"unknown certainty {fact.certainty!r} (one of {', '.join(CERTAINTIES)})")
        known = {e.id for e in self.registry()}
        for role in ("subject", "object"):
            entity = getattr(fact, role)
            if entity not in known and not self._in_store(entity):
                raise InputError(f"unknown entity {entity!r} as {role}: choose one from the registry")
        if fact.subject == fact.object:
            raise InputError("subject and object are the same entity")
        if "time" in values:
            try:
                fact = replace(fact, time=PartialDate.parse(values["time"]), start_time=None, end_time=None)
            except ValueError as err:
                raise InputError(str(err)) from None
        return fact

    def _in_store(self, entity_id: str) -> bool:
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", entity_id or ""):
            return False
        return bool(run_query(self.store, "ASK { ?e a ?c }", {"e": self.inst.entity(entity_id)}).boolean)

    def _statement(self, iri: str, doc_id: str) -> Decision:
        """The machine statement ``iri`` of document ``doc_id``, as a decision to be taken."""
        found = self.statements(iri) if re.fullmatch(r"https?://\S+", iri) else []
        if not found or found[0]["document"] != doc_id:
            raise InputError(f"no statement {iri!r} of document {doc_id!r} in the store (was it judged already?)")
        r = found[0]
        time = PartialDate.parse(r["time"]) if r["time"] else None
        return Decision("accepted", doc_id, r["subject"], r["relation"], r["object"], r["quote"], r["start"],
                        r["certainty"], time, statement=iri)

    def _graph_without(self, statement: str) -> tuple[URIRef, list]:
        """The named graph holding ``statement``, and its triples without it (nor its direct
        triple or evidence when no other statement of the graph needs them)."""
        st = URIRef(statement)
        rows = run_query(self.store, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?st a rdf:Statement . ?s ?p ?o } }",
                         {"st": st}).rows
        if not rows:
            raise InputError(f"statement {statement!r} is in no graph of the store")
        graph = rows[0][0]
        triples = [(s, p, o) for _, s, p, o in rows]
        mine = {(p, o) for s, p, o in triples if s == st}
        left = [t for t in triples if t[0] != st]
        evidence = {o for p, o in mine if p == ONT.evidence}
        still = {o for s, p, o in left if p == ONT.evidence}
        gone_nodes = {e for e in evidence if e not in still}
        gone_nodes |= {o for s, p, o in left if s in gone_nodes and isinstance(o, URIRef) and str(o).endswith("/selector")}
        direct = (dict(mine).get(RDF.subject), dict(mine).get(RDF.predicate), dict(mine).get(RDF.object))
        others = {s for s, p, o in left if p == RDF.type and o == RDF.Statement}
        kept_direct = any({(RDF.subject, direct[0]), (RDF.predicate, direct[1]), (RDF.object, direct[2])} <=
                          {(p, o) for s, p, o in left if s == other} and (other, ONT.certainty, ONT.Denied) not in left
                          for other in others)
        left = [t for t in left if t[0] not in gone_nodes and (kept_direct or t != direct)]
        return graph, left


def _page(token: str) -> bytes:
    template = resources.files("graph").joinpath("templates/review.html").read_text(encoding="utf-8")
    return template.replace("{{TOKEN}}", token).replace("{{RELATIONS}}", json.dumps(list(RELATIONS))).encode("utf-8")


def serve_review(bench: Workbench, *, host: str = "127.0.0.1", port: int = 0, token: str | None = None):
    """Start the review page's server in a thread; returns (server, url). Stop with ``server.shutdown()``."""
    token = token or secrets.token_urlsafe(24)
    page = _page(token)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-review"

        def log_message(self, fmt, *args):
            pass

        def _send(self, code: int, payload, kind: str = "application/json; charset=utf-8") -> None:
            body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; "
                             "style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'")
            self.end_headers()
            self.wfile.write(body)

        def _host_ok(self) -> bool:
            names = {f"{host}:{self.server.server_port}", f"localhost:{self.server.server_port}",
                     f"127.0.0.1:{self.server.server_port}"}
            if self.headers.get("Host") not in names:
                self._send(421, {"error": "this server answers only to its own address"})
                return False
            origin = self.headers.get("Origin")
            if origin and urlsplit(origin).netloc not in names:
                self._send(403, {"error": "requests from other sites are refused"})
                return False
            return True

        def do_GET(self):
            if not self._host_ok():
                return
            url = urlsplit(self.path)
            args = {k: v[0] for k, v in parse_qs(url.query).items()}
            try:
                if url.path == "/":
                    return self._send(200, page, "text/html; charset=utf-8")
                if url.path == "/api/queue":
                    return self._send(200, bench.queue(document=args.get("document"), relation=args.get("relation"),
                                                       certainty=args.get("certainty"), producer=args.get("producer")))
                if url.path.startswith("/api/document/"):
                    return self._send(200, bench.document(unquote(url.path[len("/api/document/"):])))
                if url.path == "/api/entities":
                    return self._send(200, bench.entities(args.get("q", "")))
                if url.path == "/api/proposals":
                    return self._send(200, bench.proposals())
            except KGError as err:
                return self._send(400, {"error": str(err)})
            self._send(404, {"error": "not found"})

        def do_POST(self):
            if not self._host_ok():
                return
            if not hmac.compare_digest(self.headers.get("X-KG-Token", ""), token):
                return self._send(403, {"error": "missing or wrong token: reload the page from kg review"})
            length = self.headers.get("Content-Length", "")
            if not length.isdigit() or int(length) > MAX_BODY:
                return self._send(413, {"error": f"a request body up to {MAX_BODY} bytes, with a Content-Length"})
            try:
                action = json.loads(self.rfile.read(int(length)) or b"null")
            except ValueError:
                return self._send(400, {"error": "the body is not JSON"})
            decide = {"/api/decide": bench.decide, "/api/entity": bench.decide_entity}.get(urlsplit(self.path).path)
            if decide is None:
                return self._send(404, {"error": "not found"})
            try:
                return self._send(200, decide(action))
            except Conflict as err:
                return self._send(409, {"error": str(err)})
            except KGError as err:
                return self._send(400, {"error": str(err)})

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_port}/", token
