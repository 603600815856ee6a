"""schema.org JSON-LD for the public pages, built as plain dicts from what the page already shows.

Each builder takes the request and objects the page's context has already loaded (the page context
modules read them in a constant number of queries), so structured data adds no query that grows with
the page. Links point only at public pages: the lists handed in are the public ones.

- home: ``WebSite`` with a ``SearchAction`` on ``/cari/``;
- Perangkat Daerah: ``GovernmentOrganization``;
- service: ``GovernmentService`` (provider, serviceOperator, availableChannel, and termsOfService:
  the links to the regulations, at their pasal, that found it);
- regulation: ``Legislation`` (legislationIdentifier, legislationDate, legislationLegalForce,
  legislationChanges, legislationJurisdiction …). ``legislationConsolidates`` is never stated: the
  registry keeps the texts as enacted, not consolidated versions;
- listings (regulation index, OPD index, category and life event), search and transparency:
  ``CollectionPage`` / ``SearchResultsPage`` / ``WebPage``.
"""

from django.conf import settings
from django.urls import reverse

from registry.reference import regulations as reg_ref
from registry.reference import services as svc_ref
from registry.regulations import provision_links
from registry.services.cost import cost_display
from registry.visibility import hidden_section_paths, visible_among

from .meta import absolute, page_url, site_root

CONTEXT = "https://schema.org"
LANGUAGE = "id"

#: legislationLegalForce for each derived status (``registry.reference.regulations.STATUSES``).
LEGAL_FORCE = {
    "berlaku": "https://schema.org/InForce",
    "diubah": "https://schema.org/InForce",
    "dicabut_sebagian": "https://schema.org/PartiallyInForce",
    "dicabut": "https://schema.org/NotInForce",
    "tidak_berlaku": "https://schema.org/NotInForce",
}

#: The schema.org properties a relation stated by a regulation fills (every change is also a
#: ``legislationChanges``).
RELATION_PROPERTIES = {
    reg_ref.MENGUBAH: ("legislationChanges", "legislationAmends"),
    reg_ref.MENGUBAH_SEBAGIAN: ("legislationChanges", "legislationAmends"),
    reg_ref.MENCABUT: ("legislationChanges", "legislationRepeals"),
    reg_ref.MENCABUT_SEBAGIAN: ("legislationChanges", "legislationRepeals"),
    reg_ref.MELAKSANAKAN: ("isBasedOn",),
    reg_ref.TERKAIT: ("citation",),
}


def city_government() -> dict:
    """The city government as an organisation (publisher of the site, parent of every OPD)."""
    return {"@type": "GovernmentOrganization", "name": f"Pemerintah {settings.REGISTRY_CITY_NAME}"}


def _city() -> dict:
    return {"@type": "City", "name": settings.REGISTRY_CITY_NAME}


def _website_ref(request) -> dict:
    return {"@id": site_root(request) + "/#website"}


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _clean(data: dict) -> dict:
    """Drop empty values, so the output states only what is known."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def website(request, description: str) -> dict:
    """The home page: the site, its publisher, and how to search it."""
    root = site_root(request)
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "WebSite",
            "@id": root + "/#website",
            "url": root + "/",
            "name": settings.WAGTAIL_SITE_NAME,
            "description": description,
            "inLanguage": LANGUAGE,
            "publisher": city_government(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": root + reverse("search") + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )


def organization_ref(request, unit) -> dict:
    """A Perangkat Daerah named by its page (``@id``), for services and regulations that cite it."""
    url = page_url(request, unit)
    return _clean(
        {"@type": "GovernmentOrganization", "@id": url + "#organisasi", "name": unit.title, "url": url}
    )


def organization(request, unit, description: str, services=()) -> dict:
    """A Perangkat Daerah page: the unit, its contact details and the services it offers."""
    data = organization_ref(request, unit)
    parent = unit.parent_unit if unit.parent_unit_id else None
    data.update(
        {
            "@context": CONTEXT,
            "alternateName": unit.abbreviation,
            "description": description,
            "address": _clean(
                {
                    "@type": "PostalAddress",
                    "streetAddress": " ".join(unit.address.split()),
                    "addressLocality": settings.REGISTRY_CITY_NAME,
                    "addressRegion": settings.REGISTRY_PROVINCE,
                    "addressCountry": "ID",
                }
            ),
            "telephone": unit.phone,
            "email": unit.email,
            "sameAs": unit.website,
            "areaServed": _city(),
            "parentOrganization": organization_ref(request, parent)
            if parent is not None and visible_among(parent, hidden_section_paths())
            else city_government(),
            "makesOffer": [
                {
                    "@type": "Offer",
                    "itemOffered": {
                        "@type": "GovernmentService",
                        "name": s.title,
                        "url": page_url(request, s),
                    },
                }
                for s in services
            ],
        }
    )
    return _clean(data)


def _channel(channel) -> dict:
    location = None
    if channel.address:
        location = {"@type": "Place", "name": channel.name, "address": channel.address}
    return _clean(
        {
            "@type": "ServiceChannel",
            "name": channel.name,
            "description": " · ".join(part for part in (channel.get_kind_display(), channel.hours) if part),
            "serviceUrl": channel.url,
            "serviceLocation": location,
            "availableLanguage": {"@type": "Language", "name": "Bahasa Indonesia", "alternateName": LANGUAGE},
        }
    )


def _offer(page) -> dict | None:
    """An Offer whose ``price`` is stated only when it is what the applicant pays; else a range or words."""
    if page.cost_kind == svc_ref.COST_FREE:
        offer = {"@type": "Offer", "price": "0", "priceCurrency": "IDR"}
        if page.cost_qualifier == svc_ref.COST_CONDITIONAL:
            offer["description"] = cost_display(page)
        return offer
    if page.cost_kind != svc_ref.COST_CHARGED:
        return None
    description = " · ".join(part for part in (cost_display(page), page.cost_note) if part)
    if page.cost_qualifier in ("", svc_ref.COST_CONDITIONAL) and page.cost_amount is not None:
        return _clean(
            {
                "@type": "Offer",
                "price": str(int(page.cost_amount)),
                "priceCurrency": "IDR",
                "description": page.cost_note,
            }
        )
    if page.cost_qualifier == svc_ref.COST_FROM and page.cost_amount is not None:
        return {
            "@type": "Offer",
            "priceSpecification": {
                "@type": "PriceSpecification",
                "minPrice": str(int(page.cost_amount)),
                "priceCurrency": "IDR",
            },
            "description": description,
        }
    return {"@type": "Offer", "priceCurrency": "IDR", "description": description} if description else None


def legislation_ref(request, regulation, anchor: str = "") -> dict:
    """A regulation named by its page, for the links of services and other regulations."""
    url = page_url(request, regulation)
    return _clean(
        {
            "@type": "Legislation",
            "@id": url + "#peraturan" if url else None,
            "name": str(regulation.short_title()),
            "url": url + (f"#{anchor}" if anchor else "") if url else None,
        }
    )


def government_service(request, page, opd, channels, legal_bases, description: str) -> dict:
    """A service page: who provides it, where, at what cost, and the legislation it rests on.

    ``opd`` is the live parent unit (or None), ``legal_bases`` the public legal-basis links.
    """
    url = page_url(request, page)
    provider = organization_ref(request, opd) if opd is not None else city_government()
    terms = []
    for basis in legal_bases:
        # Only an anchor the regulation's text has (no fragment for a regulation without text).
        target = provision_links.resolve(basis.regulation, basis.provision)
        anchor = target.anchor if target.kind == provision_links.ANCHOR else ""
        link = legislation_ref(request, basis.regulation, anchor).get("url")
        if link and link not in terms:
            terms.append(link)
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "GovernmentService",
            "@id": url + "#layanan",
            "url": url,
            "name": page.title,
            "description": description,
            "serviceType": page.category.name if page.category_id else None,
            "provider": provider,
            "serviceOperator": provider,
            "areaServed": _city(),
            "availableChannel": [_channel(channel) for channel in channels],
            "offers": _offer(page),
            "serviceOutput": {"@type": "Thing", "name": page.product} if page.product else None,
            "termsOfService": terms,
        }
    )


def legislation(request, page, outgoing, files, description: str) -> dict:
    """A regulation page: its JDIH identity, dates, legal force, jurisdiction and relations.

    ``outgoing`` are the relations it states towards public regulations, ``files`` its attached files.
    """
    url = page_url(request, page)
    kind = page.regulation_type
    data = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": url + "#peraturan",
        "url": url,
        "name": page.title,
        "alternateName": str(page.short_title()),
        "description": description,
        "abstract": page.abstrak,
        "inLanguage": LANGUAGE,
        "legislationIdentifier": str(page.short_title()),
        "legislationType": kind.name,
        "legislationDate": _date(page.tanggal_penetapan),
        "datePublished": _date(page.tanggal_pengundangan),
        "legislationDateOfApplicability": _date(page.tanggal_berlaku),
        "legislationLegalForce": LEGAL_FORCE.get(page.status),
        "legislationJurisdiction": {"@type": "AdministrativeArea", "name": page.wilayah},
        "legislationPassedBy": _clean(
            {"@type": "GovernmentOrganization", "name": page.teu_badan or kind.default_teu}
        ),
        "legislationResponsible": organization_ref(request, page.pemrakarsa)
        if page.pemrakarsa_id and visible_among(page.pemrakarsa, hidden_section_paths())
        else None,
        "keywords": page.subjek,
        "isPartOf": _website_ref(request),
        "encoding": [
            {
                "@type": "MediaObject",
                "name": str(item["label"]),
                "contentUrl": absolute(request, item["document"].url),
                "encodingFormat": "application/pdf",
            }
            for item in files
        ],
    }
    for relation in outgoing:
        ref = legislation_ref(request, relation.target)
        for name in RELATION_PROPERTIES.get(relation.kind, ()):
            values = data.setdefault(name, [])
            if ref not in values:
                values.append(ref)
    return _clean(data)


def collection(request, kind: str, name: str, description: str, items=(), total=None) -> dict:
    """A listing page (``CollectionPage``, ``SearchResultsPage`` or ``WebPage``) with its items.

    ``items`` are (name, url) pairs of what the page lists; ``total`` how many it lists in all.
    """
    url = absolute(request, request.path)
    item_list = None
    items = list(items)
    if items or total:
        item_list = {
            "@type": "ItemList",
            "numberOfItems": total if total is not None else len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": item_name, "url": item_url}
                for position, (item_name, item_url) in enumerate(items, start=1)
            ],
        }
    return _clean(
        {
            "@context": CONTEXT,
            "@type": kind,
            "@id": url,
            "url": url,
            "name": name,
            "description": description,
            "inLanguage": LANGUAGE,
            "isPartOf": _website_ref(request),
            "mainEntity": item_list,
        }
    )
