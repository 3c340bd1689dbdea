"""Verify and complete references against Crossref and PubMed (`citefmt check --online`).

Off unless asked (`--online`, or `online = true` in the config). Modules, bottom up:
`options` (settings), `cache` (where the HTTP cache lives, freshness policy), `client` (httpx +
hishel, rate limits, retries), `crossref` / `pubmed` (registry answers → records), `compare`
(pure field rules), `verify` (lookups → findings and fills), `fill` (fills → text edits) and
`files` (the file edge the CLI calls).
"""
