"""The part of CPSV-AP 3.2.0 the export uses, as a small SHACL-like check in Python.

Transcribed from the profile's SHACL shapes (``releases/3.2.0/shacl/cpsv-ap-SHACL.ttl`` in
SEMICeu/CPSV-AP): per class, the properties with ``sh:minCount 1`` (required), those with
``sh:maxCount 1``, the class (``sh:class``) or datatype (``sh:datatype``) of each property's values,
and every property the shape names (allowed). The shapes are open (``sh:closed false``), so
properties from the vocabularies the profile reuses are allowed too, but only those listed in
``EXTRAS``: a misspelt property fails the check instead of passing unnoticed.
"""

PROFILE = {
    "cpsv:PublicService": {
        "required": {"dct:identifier", "dct:title", "dct:description", "cv:hasCompetentAuthority"},
        "max_one": {"dct:identifier", "cv:processingTime", "adms:status"},
        "classes": {
            "cv:hasCompetentAuthority": {"cv:PublicOrganisation"},
            "cv:holdsRequirement": {"cv:Requirement"},
            "cv:hasCost": {"cv:Cost"},
            "cv:hasChannel": {"cv:Channel"},
            "cv:hasLegalResource": {"eli:LegalResource"},
            "cpsv:produces": {"cv:Output"},
            "cv:isGroupedBy": {"cv:Event", "cv:LifeEvent", "cv:BusinessEvent"},
            "cv:isClassifiedBy": {"skos:Concept"},
            "dct:spatial": {"dct:Location"},
            "dct:language": {"dct:LinguisticSystem"},
        },
        "datatypes": {"cv:processingTime": "xsd:duration"},
        "lang_strings": {"dct:title", "dct:description", "dcat:keyword"},
        "allowed": {
            "cv:hasInputType",
            "cv:hasChannel",
            "adms:status",
            "cv:hasCompetentAuthority",
            "dct:title",
            "dct:language",
            "cv:relatedService",
            "cv:sector",
            "dcat:keyword",
            "cv:processingTime",
            "cpsv:produces",
            "dct:isPartOf",
            "dct:identifier",
            "cv:hasCost",
            "cv:contactPoint",
            "cv:isClassifiedBy",
            "cpsv:hasInput",
            "dct:description",
            "dct:spatial",
            "dct:audience",
            "dct:requires",
            "cv:thematicArea",
            "cv:holdsRequirement",
            "cpsv:follows",
            "cv:isGroupedBy",
            "dct:type",
            "cv:hasParticipation",
            "cv:hasLegalResource",
        },
    },
    "cv:PublicOrganisation": {
        "required": {"skos:prefLabel", "dct:spatial"},
        "max_one": set(),
        "classes": {"dct:spatial": {"dct:Location"}},
        "datatypes": {},
        "lang_strings": {"skos:prefLabel"},
        # PublicOrganisation is a foaf:Agent: the Agent shape adds identifier, name, address.
        "allowed": {"skos:prefLabel", "dct:spatial", "dct:identifier", "dct:title", "locn:address"},
    },
    "cv:Requirement": {
        "required": {"dct:identifier", "dct:title"},
        "max_one": {"dct:identifier"},
        "classes": {"cv:hasSupportingEvidence": {"cv:Evidence"}, "dct:type": {"skos:Concept"}},
        "datatypes": {},
        "lang_strings": {"dct:title"},
        "allowed": {"cv:fulfils", "dct:title", "dct:type", "dct:identifier", "cv:hasSupportingEvidence"},
    },
    "cv:Cost": {
        "required": {"dct:identifier"},
        "max_one": {"dct:identifier", "cv:hasValue", "cv:currency", "cv:ifAccessedThrough"},
        "classes": {"cv:currency": {"skos:Concept"}, "cv:ifAccessedThrough": {"cv:Channel"}},
        "datatypes": {"cv:hasValue": "xsd:double"},
        "lang_strings": {"dct:description"},
        "allowed": {
            "cv:ifAccessedThrough",
            "cv:hasValue",
            "cv:currency",
            "cv:isDefinedBy",
            "dct:identifier",
            "dct:description",
        },
    },
    "cv:Channel": {
        "required": {"dct:identifier"},
        "max_one": {"dct:identifier", "dct:type", "cv:processingTime"},
        "classes": {"dct:type": {"skos:Concept"}},
        "datatypes": {"cv:processingTime": "xsd:duration"},
        "lang_strings": {"dct:description"},
        "allowed": {
            "dct:type",
            "cv:processingTime",
            "dct:identifier",
            "cv:openingHours",
            "cv:ownedBy",
            "cpsv:hasInput",
            "cv:specialOpeningHoursSpecification",
            "dct:description",
        },
    },
    "eli:LegalResource": {
        "required": set(),
        "max_one": set(),
        "classes": {"dct:relation": {"eli:LegalResource"}},
        "datatypes": {},
        "lang_strings": set(),
        "allowed": {"dct:relation"},
    },
    "cv:Output": {
        "required": {"dct:identifier", "dct:title"},
        "max_one": {"dct:identifier"},
        "classes": {"dct:type": {"skos:Concept"}},
        "datatypes": {},
        "lang_strings": {"dct:title", "dct:description"},
        "allowed": {
            "dct:title",
            "dct:language",
            "dct:type",
            "dct:isPartOf",
            "dct:identifier",
            "dct:description",
        },
    },
    # LifeEvent is an Event: the Event shape's constraints apply.
    "cv:LifeEvent": {
        "required": {"dct:identifier", "dct:title"},
        "max_one": {"dct:identifier"},
        "classes": {"cv:hasRelatedService": {"cpsv:PublicService"}, "dct:type": {"skos:Concept"}},
        "datatypes": {},
        "lang_strings": {"dct:title", "dct:description"},
        "allowed": {"dct:title", "dct:identifier", "cv:hasRelatedService", "dct:description", "dct:type"},
    },
}

#: Properties from reused vocabularies that the export adds (the shapes are open).
EXTRAS = {
    "cpsv:PublicService": {"foaf:homepage"},
    "cv:Channel": {"foaf:page"},
    "eli:LegalResource": {"dct:identifier", "dct:title", "eli:date_document"},
}
#: Classes the export uses that the profile takes from other vocabularies, and what they carry.
AUXILIARY = {
    "skos:Concept": {"skos:prefLabel"},
    "dct:Location": {"locn:geographicName"},
    "dct:LinguisticSystem": set(),
}


def _values(value):
    return value if isinstance(value, list) else [value]


def _nodes(document):
    """Every node of the graph with a type, nested ones included, and the index of nodes by @id."""
    found, index = [], {}

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            if "@type" in value and value.get("@type") not in ("xsd:duration", "xsd:double", "xsd:date"):
                found.append(value)
                if "@id" in value:
                    index.setdefault(value["@id"], value)
            for key, item in value.items():
                if key != "@context":
                    walk(item)

    walk(document["@graph"])
    return found, index


def violations(document) -> list[str]:
    """What in ``document`` breaks the profile above ([] when it conforms)."""
    problems = []
    nodes, index = _nodes(document)
    for node in nodes:
        kind, where = node["@type"], node.get("@id", "?")
        if kind in AUXILIARY:
            extra = set(node) - {"@id", "@type"} - AUXILIARY[kind]
            if extra:
                problems.append(f"{where} ({kind}): unexpected {sorted(extra)}")
            continue
        shape = PROFILE.get(kind)
        if shape is None:
            problems.append(f"{where}: class {kind} is not in the profile")
            continue
        properties = set(node) - {"@id", "@type"}
        for name in sorted(shape["required"] - properties):
            problems.append(f"{where} ({kind}): missing {name}")
        for name in sorted(properties - shape["allowed"] - EXTRAS.get(kind, set())):
            problems.append(f"{where} ({kind}): {name} is not a property of the profile")
        for name in shape["max_one"] & properties:
            if isinstance(node[name], list) and len(node[name]) > 1:
                problems.append(f"{where} ({kind}): {name} has more than one value")
        for name, classes in shape["classes"].items():
            for value in _values(node.get(name, [])):
                target = index.get(value.get("@id"), value) if isinstance(value, dict) else None
                if target is None or target.get("@type") not in classes:
                    problems.append(f"{where} ({kind}): {name} must be a {sorted(classes)}, got {value!r}")
        for name, datatype in shape["datatypes"].items():
            for value in _values(node.get(name, [])):
                if not isinstance(value, dict) or value.get("@type") != datatype:
                    problems.append(f"{where} ({kind}): {name} must be typed {datatype}")
        for name in shape["lang_strings"] & properties:
            for value in _values(node[name]):
                if not (isinstance(value, dict) and value.get("@language") and value.get("@value")):
                    problems.append(f"{where} ({kind}): {name} must be a language-tagged string")
    return problems
