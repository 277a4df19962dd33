"""HTTP requests to servers we do not control (a remote SPARQL store, a language-model endpoint).

Two guards that urllib lacks: an overall deadline per request and its answer (a socket timeout
never fires on a server that trickles one byte every few seconds), and redirects followed only
for reads on the same origin (a POST turned into a GET would lose its body, and another origin
must never receive the credentials).
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
import urllib.request

__all__ = ["Deadline", "open_with_deadline", "same_origin_opener"]

_current = threading.local()


class Deadline:
    """When ``seconds`` pass, every socket being watched is shut down, so the read waiting on it
    ends at once with an error; ``expired`` then tells the caller why."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        self._sockets.append(sock)

    def _expire(self) -> None:
        self.expired = True
        for sock in self._sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


class _Connection(http.client.HTTPConnection):
    def connect(self):
        super().connect()
        if getattr(_current, "deadline", None):
            _current.deadline.watch(self.sock)


class _SecureConnection(http.client.HTTPSConnection):
    def connect(self):
        super().connect()
        if getattr(_current, "deadline", None):
            _current.deadline.watch(self.sock)


class _Handler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_Connection, req)


class _SecureHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_SecureConnection, req, context=self._context)


def same_origin_opener(error: type[Exception]) -> urllib.request.OpenerDirector:
    """An opener whose connections obey :class:`Deadline` and which raises ``error`` (one line)
    instead of following a redirect that is not a GET to the same origin."""

    class SameOriginRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            old = urllib.parse.urlsplit(req.full_url)
            new = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
            if req.get_method() != "GET" or (old.scheme, old.hostname, old.port) != (new.scheme, new.hostname, new.port):
                raise error(f"{req.full_url.split('?', 1)[0]} redirected the {req.get_method()} to "
                            f"{newurl.split('?', 1)[0]} (HTTP {code}); redirects are followed only for reads on the "
                            f"same server: use the final address")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(_Handler, _SecureHandler, SameOriginRedirects)


def open_with_deadline(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
                       seconds: float) -> tuple[object, Deadline]:
    """Open ``request`` with a socket timeout and an overall deadline of ``seconds``; return the
    response and its deadline (cancel it once the body is read). Exceptions are urllib's; on one,
    ``deadline.expired`` tells whether the deadline caused it."""
    deadline = _current.deadline = Deadline(seconds)
    try:
        return opener.open(request, timeout=seconds), deadline
    except BaseException as err:
        deadline.cancel()
        err.kg_deadline = deadline
        raise
    finally:
        _current.deadline = None
