"""The registry client against a real HTTP server: retries, Retry-After, timeouts, the cache."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from registry_server import RegistryServer

from citefmt.online import crossref, pubmed
from citefmt.online.client import RateLimiter, RegistryClient
from citefmt.online.options import RegistryOptions
from citefmt.online.records import Failed, NotFound, RegistryRecord


def test_work_is_read_from_the_recorded_crossref_body(options: RegistryOptions) -> None:
    with RegistryClient(options) as client:
        record = crossref.fetch_work(client, "10.1002/jor.1100150407")
    assert isinstance(record, RegistryRecord)
    # values as recorded in crossref/works/10_1002_jor_1100150407.json
    assert record.item["volume"] == "15" and record.item["issue"] == "4"
    assert record.item["page"] == "519-527" and record.years[0] == 1997
    assert record.item["author"][0]["family"] == "Lieber"


def test_unknown_doi_is_not_found_and_the_404_is_cached(options: RegistryOptions,
                                                        server: RegistryServer) -> None:
    with RegistryClient(options) as client:
        assert isinstance(crossref.fetch_work(client, "10.1371/notarealdoi"), NotFound)
        assert isinstance(crossref.fetch_work(client, "10.1371/notarealdoi"), NotFound)
    assert len(server.requests) == 1


def test_429_is_retried_after_the_retry_after_delay(options: RegistryOptions,
                                                    server: RegistryServer) -> None:
    start = time.monotonic()
    with RegistryClient(options) as client:
        record = crossref.fetch_work(client, "10.9999/status-429")
    assert isinstance(record, RegistryRecord)
    assert len(server.requests) == 2
    assert time.monotonic() - start >= 1.0  # Retry-After: 1


def test_503_is_retried_with_backoff(options: RegistryOptions, server: RegistryServer) -> None:
    with RegistryClient(options) as client:
        assert isinstance(crossref.fetch_work(client, "10.9999/status-503"), RegistryRecord)
    assert len(server.requests) == 2


def test_persistent_503_fails_after_the_retries(options: RegistryOptions,
                                               server: RegistryServer) -> None:
    with RegistryClient(replace(options, retries=2)) as client:
        outcome = crossref.fetch_work(client, "10.9999/always-503")
    assert isinstance(outcome, Failed) and "HTTP 503" in outcome.reason
    assert len(server.requests) == 3


def test_slow_response_times_out(options: RegistryOptions) -> None:
    with RegistryClient(replace(options, read_timeout=0.3, retries=0)) as client:
        outcome = crossref.fetch_work(client, "10.9999/slow")
    assert isinstance(outcome, Failed) and "no answer within 0.3 s" in outcome.reason


def test_malformed_body_is_a_failure_not_a_crash(options: RegistryOptions) -> None:
    with RegistryClient(options) as client:
        outcome = crossref.fetch_work(client, "10.9999/malformed")
    assert isinstance(outcome, Failed) and "malformed" in outcome.reason


def test_caching_headers_are_honoured_max_age_0_revalidates(options: RegistryOptions,
                                                            server: RegistryServer) -> None:
    with RegistryClient(options) as client:
        first = client.fetch(crossref.work_url(options.crossref_url, "10.9999/etag"))
        second = client.fetch(crossref.work_url(options.crossref_url, "10.9999/etag"))
    assert first.status == second.status == 200 and second.text == first.text
    assert len(server.requests) == 2  # max-age=0: asked again (answered 304), not reused


def test_headerless_answers_are_reused_under_the_freshness_policy(
        options: RegistryOptions, server: RegistryServer) -> None:
    with RegistryClient(options) as client:
        crossref.fetch_work(client, "10.1038/nnano.2014.279")
    with RegistryClient(options) as client:  # a new process would open the same file
        again = client.fetch(crossref.work_url(options.crossref_url, "10.1038/nnano.2014.279"))
    assert again.from_cache and len(server.requests) == 1
    with RegistryClient(replace(options, min_fresh_days=0)) as client:
        crossref.fetch_work(client, "10.1016/j.tcs.2015.06.001")
        crossref.fetch_work(client, "10.1016/j.tcs.2015.06.001")
    assert len(server.requests) == 3  # freshness 0: every lookup asks


def test_cache_only_makes_no_request(options: RegistryOptions, server: RegistryServer) -> None:
    with RegistryClient(options) as client:
        crossref.fetch_work(client, "10.1038/nnano.2014.279")
    server.reset()
    with RegistryClient(replace(options, cache_only=True)) as client:
        assert isinstance(crossref.fetch_work(client, "10.1038/nnano.2014.279"),
                          RegistryRecord)
        missing = crossref.fetch_work(client, "10.1016/j.tcs.2015.06.001")
    assert isinstance(missing, Failed) and "not in the cache" in missing.reason
    assert server.requests == []


def test_polite_pool_identification_and_cache_key_without_the_api_key(
        options: RegistryOptions, server: RegistryServer) -> None:
    with RegistryClient(replace(options, ncbi_api_key="KEY1")) as client:
        record = pubmed.fetch_pubmed(client, "12230038")
    assert isinstance(record, RegistryRecord)
    sent = server.requests[0]
    assert "tool=citefmt" in sent and "email=editor%40example.org" in sent
    assert "api_key=KEY1" in sent
    with RegistryClient(replace(options, ncbi_api_key="KEY2")) as client:
        assert isinstance(pubmed.fetch_pubmed(client, "12230038"), RegistryRecord)
    assert len(server.requests) == 1


def test_user_agent_carries_the_mailto_address(options: RegistryOptions) -> None:
    from citefmt.online.client import user_agent

    assert "mailto:editor@example.org" in user_agent(options)
    assert "mailto" not in user_agent(replace(options, mailto=None))


def test_pubmed_record_read_by_the_medline_reader(options: RegistryOptions) -> None:
    with RegistryClient(options) as client:
        record = pubmed.fetch_pubmed(client, "12230038")
        unknown = pubmed.fetch_pubmed(client, "99999999")
        by_pmcid = pubmed.fetch_by_pmcid(client, "PMC1373603")
    assert isinstance(record, RegistryRecord)
    # ncbi/efetch_medline/pubmed_result1.txt: VI 3, IP 3, PG 296-302, DP 2002 Sep
    assert (record.item["volume"], record.item["issue"], record.item["page"]) == \
        ("3", "3", "296-302")
    assert record.years == (2002,)
    assert isinstance(unknown, NotFound)  # E-utilities: 200 with an empty body
    assert isinstance(by_pmcid, RegistryRecord) and by_pmcid.item["PMID"] == "16403221"


def test_retraction_notices_from_both_registries(options: RegistryOptions) -> None:
    with RegistryClient(options) as client:
        crossref_record = crossref.fetch_work(client, "10.9999/retracted")
        pubmed_record = pubmed.fetch_pubmed(client, "99999901")
        corrected = crossref.fetch_work(client, "10.1371/journal.pbio.0050002")
    assert isinstance(crossref_record, RegistryRecord)
    assert [n.is_retraction for n in crossref_record.notices] == [True]
    assert isinstance(pubmed_record, RegistryRecord)
    assert any(n.is_retraction and "99999902" in n.target for n in pubmed_record.notices)
    assert isinstance(corrected, RegistryRecord)
    # the recorded updated-by entry (correction 10.1371/journal.pbio.0060304)
    assert [(n.kind, n.target) for n in corrected.notices] == \
        [("correction", "10.1371/journal.pbio.0060304")]


def test_rate_limiter_spaces_request_starts() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(3.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(4):
        limiter.wait()
    assert [round(s, 3) for s in slept] == [0.333, 0.333, 0.333]


def test_ncbi_limit_follows_the_api_key() -> None:
    assert RegistryOptions().ncbi_limit == 3.0
    assert RegistryOptions(ncbi_api_key="k").ncbi_limit == 10.0


def test_a_retry_after_beyond_the_limit_ends_the_retries(options: RegistryOptions,
                                                        server: RegistryServer) -> None:
    start = time.monotonic()
    with RegistryClient(options) as client:
        outcome = crossref.fetch_work(client, "10.9999/status-429-long")
    assert isinstance(outcome, Failed) and "HTTP 429 (rate limited)" in outcome.reason
    assert len(server.requests) == 1 and time.monotonic() - start < 5


def test_retry_after_as_an_http_date() -> None:
    import httpx

    from citefmt.online.client import retry_after

    response = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT"})
    assert retry_after(response, now=1445412500.0) == 10.0
    assert retry_after(httpx.Response(429, headers={"Retry-After": "7"})) == 7.0
    assert retry_after(httpx.Response(429)) is None


def test_redirect_to_the_canonical_work_is_followed(options: RegistryOptions) -> None:
    with RegistryClient(options) as client:
        record = crossref.fetch_work(client, "10.9999/moved")
    assert isinstance(record, RegistryRecord)
    assert record.item["DOI"] == "10.1038/nnano.2014.279"


def test_ncbi_requests_are_spaced_by_the_rate_limit(options: RegistryOptions,
                                                    server: RegistryServer) -> None:
    start = time.monotonic()
    with RegistryClient(replace(options, ncbi_rate=5.0)) as client:
        for pmid in ("12230038", "16403221", "16377612", "14871861"):
            assert isinstance(pubmed.fetch_pubmed(client, pmid), RegistryRecord)
    assert time.monotonic() - start >= 0.6  # 4 request starts at 5/s: 3 gaps of 0.2 s
    assert len(server.requests) == 4


def test_progress_bar_on_stderr(options: RegistryOptions,
                                capsys: pytest.CaptureFixture[str]) -> None:
    from citefmt.checks.document import read_document
    from citefmt.config import Settings
    from citefmt.online.verify import look_up

    text = "References\n\n" + "".join(
        f"{n}. Kuschel T, Reiss G. Charges ride the spin wave. Nat Nanotechnol. "
        f"2014;10(1):22-4. doi:10.1038/nnano.2014.279\n" for n in range(1, 8))
    doc = read_document(text, source="refs.txt", settings=Settings())
    with RegistryClient(options) as client:
        answers = look_up(doc, client, progress=True)
    assert len(answers) == 7 and all(a.outcomes for a in answers)
    assert "registry lookups" in capsys.readouterr().err


def test_a_registry_that_is_down_is_skipped_after_three_failed_lookups(
        options: RegistryOptions, server: RegistryServer) -> None:
    with RegistryClient(replace(options, retries=0, concurrency=1)) as client:
        outcomes = [crossref.fetch_work(client, "10.9999/always-503") for _ in range(5)]
        # PubMed is another host: still asked
        assert isinstance(pubmed.fetch_pubmed(client, "12230038"), RegistryRecord)
    assert all(isinstance(o, Failed) for o in outcomes)
    assert "skipped: its last 3 lookups failed" in outcomes[-1].reason  # type: ignore[union-attr]
    assert len(server.requests) == 4  # 3 Crossref + 1 PubMed
