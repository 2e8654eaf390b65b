"""The WSGI app behind the reference server: it answers 404 to anything it is asked.

The reference server serves the targets' bytes through granian's static file route, which never
reaches this app; granian only needs an app to start. Sharing granian, its worker count, the
connections and the load generator with the real app makes the reference a fair floor: the
difference is what producing the response costs, not how it travels.
"""


def application(environ, start_response):
    """Answer 404: every expected request is served by the static route instead."""
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found\n"]
