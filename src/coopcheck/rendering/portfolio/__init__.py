"""Renderers for `coopcheck check`: one `PortfolioCheck` in, text out, one module per format.

`text` is the rich table for a terminal or log, `jsondoc` the machine-readable list of assessments
with a summary, `markdown` the job summary (at most 1 MiB), `github` workflow annotations on the
YAML lines that evidence each finding, `junit` one test case per partnership. Each module has one
`render(check, ...) -> str`; the command imports only the one it needs (rich is not cheap to load).
"""
