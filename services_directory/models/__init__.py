"""Models of the service directory, re-exported by name so that ``services_directory.models.X``
keeps working (migrations name ``services_directory.models.validate_language_code``).

- ``taxonomy``: the vocabularies (towns, service types, topics, target groups, providers)
- ``languages``: language codes, their names and validators
- ``directory``: the directory page and the version token of its data
- ``service``: one counselling offer and its parts (languages, locations, hours, closures,
  contacts), school holidays
- ``guide``: the case-management guide's questions and texts
- ``editorial``: reports on entries, town limits of editor groups
- ``vocabulary``: the need vocabulary (search words → tags)
"""

from ..unmet_needs import UnmetNeedCount  # the model lives beside its code
from .directory import DirectoryVersion, ServiceDirectoryPage
from .editorial import DirectoryTeamScope, ServiceReport
from .guide import GuideCriterion, GuideText
from .languages import (
    EXTRA_LANGUAGES,
    language_names,
    split_codes,
    validate_language_code,
    validate_language_list,
)
from .service import (
    NRW_LATITUDE,
    NRW_LONGITUDE,
    STABLE_ORDER,
    SchoolHoliday,
    ServiceClosure,
    ServiceContact,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
)
from .taxonomy import Organisation, ServiceType, TargetGroup, Taxonomy, Topic, Town
from .vocabulary import NeedTerm, split_synonyms

__all__ = [
    "EXTRA_LANGUAGES",
    "NRW_LATITUDE",
    "NRW_LONGITUDE",
    "STABLE_ORDER",
    "DirectoryTeamScope",
    "DirectoryVersion",
    "GuideCriterion",
    "GuideText",
    "NeedTerm",
    "Organisation",
    "SchoolHoliday",
    "ServiceClosure",
    "ServiceContact",
    "ServiceDirectoryPage",
    "ServiceLanguage",
    "ServiceLocation",
    "ServicePage",
    "ServiceReport",
    "ServiceSchedule",
    "ServiceType",
    "TargetGroup",
    "Taxonomy",
    "Topic",
    "Town",
    "UnmetNeedCount",
    "language_names",
    "split_codes",
    "split_synonyms",
    "validate_language_code",
    "validate_language_list",
]
