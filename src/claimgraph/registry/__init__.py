"""Registries of known names: actors (actors.yaml + user files), places and weapons.

`claimgraph.registry.actors` is the actor registry's loader; `lexicons` feeds every
registry to the in-text name matcher.
"""

from claimgraph.registry.actors import Actor, Registry, load_registry, normalize_name, validate

__all__ = ["Actor", "Registry", "load_registry", "normalize_name", "validate"]
