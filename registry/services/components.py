"""The 14 Standar Pelayanan components of PermenPANRB 15/2014 as Django choices.

The components themselves are defined once, in :mod:`registry.reference.components`.
"""

from registry.reference import components as reference
from registry.vocabulary import text_choices

#: Component codes, in the order of the regulation. 1–6 are service delivery, 7–14 manufacturing.
Component = text_choices("Component", reference.COMPONENTS)

#: The six components that must be published to the public.
DELIVERY_COMPONENTS = [Component(code) for code in reference.DELIVERY_CODES]
MANUFACTURING_COMPONENTS = [Component(code) for code in reference.MANUFACTURING_CODES]
