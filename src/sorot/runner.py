"""The core of Sorot: one object that the CLI, the API (and later the web app) all use.

Data flows one way: ingest -> clean -> nlp (+ rule components) -> Document. A document that fails at
any stage becomes an :class:`~sorot.contract.ErrorRecord` and the run goes on.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sorot.config import Settings
from sorot.contract import Document, ErrorRecord
from sorot.records import CleanDoc, IngestError, RawDoc

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def content_id(text: str) -> str:
    """Stable id from the clean text, for inputs that carry no id of their own."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class RunStats:
    """What a run did, for the summary a person reads at the end."""

    read: int = 0
    analysed: int = 0
    failed: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)


class Analyzer:
    """Holds the loaded pipeline; analyses raw documents in batches."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (loading takes a second or two)."""
        if self._nlp is None:
            from sorot.nlp.pipeline import build_nlp

            self._nlp = build_nlp(
                self.settings.pipeline,
                model_path=self.settings.model_path,
                gazetteer_paths=self.settings.gazetteer_paths,
            )
        return self._nlp

    # -- stages ---------------------------------------------------------------------------------

    def prepare(self, raw: RawDoc) -> tuple[RawDoc, CleanDoc, str | None]:
        """Clean one raw document, detect its language and find its publication date."""
        from sorot.clean import clean
        from sorot.lang import detect_language

        cleaned = clean(raw)
        cleaned.language = detect_language(cleaned.text, self.settings.languages)
        published = raw.published
        try:
            from sorot.extract.dates import publication_date
        except ModuleNotFoundError:  # time extractor not installed in a minimal build
            publication_date = None  # type: ignore[assignment]
        if publication_date is not None:
            published = publication_date(raw, cleaned)
        return raw, cleaned, published

    def analyze_docs(
        self, raws: Iterable[RawDoc | IngestError], stats: RunStats | None = None
    ) -> Iterator[Document | ErrorRecord]:
        """Analyse a stream of raw documents; yield a Document or an ErrorRecord for each."""
        from sorot.document import build_document

        stats = stats if stats is not None else RunStats()
        batch: list[tuple[RawDoc, CleanDoc, str | None]] = []

        def flush() -> Iterator[Document | ErrorRecord]:
            yield from self._run_batch(batch, stats, build_document)
            batch.clear()

        for item in raws:
            stats.read += 1
            if isinstance(item, IngestError):
                err = ErrorRecord(path=item.path, reason=item.reason, stage=item.stage)
                stats.failed += 1
                stats.errors.append(err)
                yield err
                continue
            try:
                batch.append(self.prepare(item))
            except Exception as exc:  # one broken document never stops a run
                log.exception("cleaning failed for %s", item.path or item.url)
                err = ErrorRecord(
                    path=item.path or item.url or "<text>", reason=f"cleaning failed: {exc}", stage="clean"
                )
                stats.failed += 1
                stats.errors.append(err)
                yield err
                continue
            if len(batch) >= self.settings.batch_size:
                yield from flush()
        if batch:
            yield from flush()

    def _run_batch(
        self, batch: list[tuple[RawDoc, CleanDoc, str | None]], stats: RunStats, build_document
    ) -> Iterator[Document | ErrorRecord]:
        nlp = self.nlp
        docs = []
        for _raw, cleaned, published in batch:
            doc = nlp.make_doc(cleaned.text)
            doc._.published = published
            doc._.meta = {
                "title": cleaned.title,
                "outlet": _raw.outlet or cleaned.outlet,
                "url": _raw.url,
                "path": _raw.path,
            }
            docs.append(doc)
        try:
            analysed = list(nlp.pipe(docs, batch_size=self.settings.batch_size))
        except Exception:
            # fall back to one at a time so one bad document does not take the batch with it
            analysed = []
            for doc in docs:
                try:
                    analysed.append(nlp(doc))
                except Exception as exc:
                    log.exception("analysis failed")
                    analysed.append(exc)  # type: ignore[arg-type]
        for (raw, cleaned, published), doc in zip(batch, analysed, strict=True):
            where = raw.path or raw.url or "<text>"
            if isinstance(doc, Exception):
                err = ErrorRecord(path=where, reason=f"analysis failed: {doc}", stage="nlp")
                stats.failed += 1
                stats.errors.append(err)
                yield err
                continue
            try:
                doc_id = raw.id or content_id(cleaned.text)
                record = build_document(raw, cleaned, doc, doc_id=doc_id, published=published)
            except Exception as exc:
                log.exception("building the record failed for %s", where)
                err = ErrorRecord(path=where, reason=f"building the record failed: {exc}", stage="extract")
                stats.failed += 1
                stats.errors.append(err)
                yield err
                continue
            stats.analysed += 1
            yield record

    # -- convenience ----------------------------------------------------------------------------

    def analyze_paths(
        self, paths: Iterable[str], stats: RunStats | None = None
    ) -> Iterator[Document | ErrorRecord]:
        """Read every document under the given files, folders or URLs and analyse it."""
        from sorot.ingest import read_paths

        return self.analyze_docs(read_paths(paths, self.settings), stats)

    def analyze_text(
        self, text: str, *, title: str | None = None, published: str | None = None, doc_id: str | None = None
    ) -> Document:
        """Analyse one article given as a string (first line = headline unless ``title`` is given)."""
        from sorot.ingest.text import parse_text

        raw = parse_text(text, path=None)
        if title is not None:
            raw.title = title
        if published is not None:
            raw.published = published
        if doc_id is not None:
            raw.id = doc_id
        out = list(self.analyze_docs([raw]))
        first = out[0] if out else None
        if not isinstance(first, Document):
            reason = first.reason if first is not None else "no output"
            raise ValueError(f"could not analyse the text: {reason}")
        return first
