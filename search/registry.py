"""Where content apps declare what they index. ``search`` imports nothing from them.

An app provides ``<app>/search_indexing.py`` with a ``register(registry)`` function; the search
app's ``ready()`` calls :func:`autodiscover`, which imports that module for every installed app::

    def register(registry):
        from .models import ServicePage

        source = registry.register(
            DocumentSource(
                name="services",
                owner_prefix="service",
                queryset=lambda: public_pages(ServicePage.objects.all()),
                build=service_documents,
            )
        )
        source.connect(page_published, sender=ServicePage)

A source may also give ``answer(obj)``: the few facts of a direct answer (an :class:`Answer`) that the
results page shows above the list when that object is the top hit.

Every signal connected through :meth:`DocumentSource.connect` enqueues a refresh of the objects
it names; the refresh task loads the object again and indexes it if the public may still see it, or
deletes its documents otherwise. So publish, unpublish, delete and re-extract are one code path,
and a draft never reaches the index.
"""

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps

from .documents import SearchDocument


@dataclass
class Answer:
    """A direct answer to show above the results: the object's name, its link and a few labelled facts."""

    title: str
    url: str
    facts: list[tuple[str, str]] = field(default_factory=list)


def _instance_pk(instance=None, **kwargs):
    return [instance.pk] if instance is not None and instance.pk is not None else []


@dataclass
class DocumentSource:
    """A kind of content that produces search documents.

    ``queryset()`` returns the objects the public may see (for rebuilds and for loading one object);
    ``build(obj)`` returns that object's documents; ``owner_prefix`` plus the object's pk is the
    owner key shared by those documents.
    """

    name: str
    owner_prefix: str
    queryset: Callable[[], object]
    build: Callable[[object], Iterable[SearchDocument]]
    connections: list = field(default_factory=list)
    #: ``answer(obj)`` → :class:`Answer` for the results page's direct-answer card, or None.
    answer: Callable[[object], "Answer | None"] | None = None
    #: The registry this source belongs to (set by :meth:`SourceRegistry.register`).
    registry: "SourceRegistry | None" = field(default=None, repr=False, compare=False)

    def owner(self, pk) -> str:
        """The owner key of the object with primary key ``pk``."""
        return f"{self.owner_prefix}:{pk}"

    def load(self, pk):
        """The visible object with primary key ``pk``, or None (unpublished, restricted, deleted)."""
        return self.queryset().filter(pk=pk).first()

    def documents(self, pk) -> list[SearchDocument]:
        """The documents for one object, or [] when it should not be searchable."""
        obj = self.load(pk)
        return list(self.build(obj)) if obj is not None else []

    def iter_documents(self) -> Iterable[SearchDocument]:
        """Every document of every visible object (for rebuilds)."""
        for obj in self.queryset().iterator(chunk_size=200):
            yield from self.build(obj)

    def connect(self, signal, sender=None, pks: Callable[..., Iterable] = _instance_pk) -> None:
        """Refresh the objects ``pks(**signal_kwargs)`` names whenever ``signal`` is sent.

        ``sender=None`` listens to every sender (a page signal for pages of any type, e.g. the
        parent of a section whose visibility changed).
        """

        def receiver(sender, **kwargs):
            for pk in pks(**kwargs):
                self.registry.refresh(self.name, pk)

        sender_name = sender.__name__ if sender is not None else "any"
        uid = f"search:{self.name}:{signal.__class__.__name__}:{id(signal)}:{sender_name}"
        signal.connect(receiver, sender=sender, weak=False, dispatch_uid=uid)
        self.connections.append((signal, sender, uid))


class SourceRegistry:
    """The registered document sources, by name, and what to do when one of their objects changes.

    ``on_change(source_name, pk)`` is set by the search app's ``ready()`` to enqueue the refresh
    task (``search.tasks.enqueue_refresh``): this module stays below the tasks that use it.
    """

    def __init__(self):
        self._sources: dict[str, DocumentSource] = {}
        self.on_change: Callable[[str, object], None] | None = None

    def register(self, source: DocumentSource) -> DocumentSource:
        """Add (or replace) a source; returns it so the caller can connect signals."""
        source.registry = self
        self._sources[source.name] = source
        return source

    def refresh(self, source_name: str, pk) -> None:
        """An object of a source changed: hand it to ``on_change`` (the refresh task)."""
        if self.on_change is None:
            raise RuntimeError("search.registry.on_change is not set: is the search app installed?")
        self.on_change(source_name, pk)

    def get(self, name: str) -> DocumentSource:
        """The source called ``name``; KeyError names the registered ones."""
        try:
            return self._sources[name]
        except KeyError:
            raise KeyError(f"No search source {name!r}; registered: {sorted(self._sources)}") from None

    def answer_for(self, doc_id: str) -> Answer | None:
        """The direct answer for the document ``doc_id`` ("service:12"), if its source gives one.

        The object is loaded through the source's queryset, so only what the public may see answers.
        """
        prefix, _sep, pk = doc_id.partition(":")
        for source in self._sources.values():
            if source.owner_prefix == prefix and source.answer is not None and pk.isdigit():
                obj = source.load(int(pk))
                return source.answer(obj) if obj is not None else None
        return None

    def all(self) -> list[DocumentSource]:
        """All sources, in registration order."""
        return list(self._sources.values())

    def iter_documents(self) -> Iterable[SearchDocument]:
        """Every document of every source."""
        for source in self.all():
            yield from source.iter_documents()


registry = SourceRegistry()


def autodiscover() -> None:
    """Import ``<app>.search_indexing`` for every installed app that has one and call its ``register``."""
    for config in apps.get_app_configs():
        module_name = f"{config.name}.search_indexing"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        module.register(registry)
