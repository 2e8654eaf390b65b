"""Benchmark harness: how fast convoca serves its pages and API, next to a same-run reference.

`python -m bench.run` builds a throwaway demo edition, serves it with granian as production does,
and measures each target in `bench.targets` twice with the same load generator: once from the
app and once as the identical bytes served statically by granian on the same machine. The
ratio app/reference is the number to watch; absolute requests per second depend on the box.
It then runs `bench.mailout`: a circulars mail-out to 20,000 recipients (resolve + queue, then
send through the locmem mail backend), each timed against a bare INSERT of the same rows, and
then `bench.exports`: frab XML, frab JSON and iCal of a generated 10,000-session edition, each
built cold through its view in a fresh process (time, cached answer, peak RSS), next to reading
the same bytes from a file.
"""
