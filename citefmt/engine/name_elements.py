"""cs:names and cs:name: CSL-M suppress-min/suppress-max, and source-truncated name lists."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from citeproc import model
from citeproc.source import Name as CiteprocName
from citeproc.source import VariableError
from citeproc.string import MixedString, NoCase, String

from citefmt.engine.base import EngineElement, is_decorated
from citefmt.engine.context import OverlaidAttributes, current, overlay
from citefmt.engine.decorations import reset_regardless, resets
from citefmt.engine.initials import initialize_given
from citefmt.engine.name_expansion import FULL, person_key
from citefmt.engine.punctuation import join_merging, wrap_merging
from citefmt.engine.russian import decline_name
from citefmt.engine.source import COMMA_SUFFIX, DefaultLanguageReference, NameList
from citefmt.engine.subsequent_author import rerenderer


class Names(OverlaidAttributes, EngineElement, model.Names):
    """Gap (CSL-M): `suppress-min`/`suppress-max` on cs:name are unknown to citeproc-py, so a
    GOST style printed both the 1-3-author heading and the 4+-author statement. A name list the
    child cs:name suppresses renders nothing and counts as an empty variable for the enclosing
    group; it does not trigger cs:substitute (the names exist: the style shows them elsewhere).
    With several variables (`editor translator`) only the suppressed lists are left out."""

    def process(self, item: Any, names_context: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        """Gap: inside a cs:substitute, a name variable is suppressed as soon as a cs:names
        prints it, not only once the substitute is done: a macro printing the editors twice
        (with a short label, then a long one) printed them twice (CSL test suite
        substitute_SuppressOrdinaryVariable: "John-boy Doe ed.John-boy Doe editor.")."""
        text = self._process_claimed(item, names_context, context, **kwargs)
        state = current()
        if state.recording and text:
            state.suppress({role.replace("-", "_") for role in (self.get("variable") or "").split()
                            if role in item.reference})
        return text

    def _process_claimed(self, item: Any, names_context: Any = None, context: Any = None,
                         **kwargs: Any) -> Any:
        """Gaps: `subsequent-author-substitute` (see `subsequent_author.py`) applies to the
        first cs:names of each bibliography entry; cite grouping (`cite_groups.py`) compares,
        and in collapsed cites leaves out, the first cs:names of each cite."""
        state = current()
        cite_names = state.cite_names
        if cite_names is not None and cite_names.claim():
            if cite_names.suppress:
                raise VariableError
            text = self._process_names(item, names_context, context, **kwargs)
            cite_names.recorded = None if text is None else str(text)
            return text
        substitution = state.subsequent_author
        if substitution is None or not substitution.claim_first_names():
            return self._process_names(item, names_context, context, **kwargs)
        before = set(state.suppressed() or ())
        try:
            text = self._process_names(item, names_context, context, **kwargs)
        except VariableError:
            substitution.forget()
            raise
        role = next((r for r in (self.get("variable") or "").split() if r in item.reference),
                    None)
        if role is None and not state.suppressed():
            # a term stands for the names ("Anon."): citeproc-js never substitutes it
            substitution.forget()
            return text
        rendered = rerenderer(state, before, lambda proxy: self._process_names(
            proxy, names_context, context, **kwargs))
        compared = text
        if text is not None and getattr(names_context or self, "label", None) is not None:
            compared = rendered(item, name_labels_off=True)  # labels are not compared
            if str(compared) == str(text):
                compared = text
        shown = None if role is None else self._shown_count(item.reference[role],
                                                            names_context, context, **kwargs)
        return substitution.apply(text, item, role, rendered, compared=compared, shown=shown)

    def _shown_count(self, names: Any, names_context: Any, context: Any,
                     **kwargs: Any) -> int | None:
        """How many of `names` this cs:names prints (its cs:name's et-al truncation)."""
        if names_context is None and self.name is None:
            names_context = self.substituted_names()
        name = (names_context if names_context is not None else self).name
        if not isinstance(name, Name):
            return None
        return name.shown_count(names, context, kwargs.get("sort_options"))

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Speed: a cs:names none of whose variables the item has, and without cs:substitute,
        renders nothing: None at once (every parent skips it as it skips the VariableError
        the full path raises; NLM's editors, for every article), unless a cite-grouping or
        subsequent-author-substitute state claims the first cs:names of a cite or entry."""
        if len(args) == 1 and (not kwargs or kwargs.keys() == {"context"}) \
                and self._prints_nothing(args[0]):
            return None
        return super().render(*args, **kwargs)

    def _prints_nothing(self, item: Any) -> bool:
        state = current()
        if state.cite_names is not None or state.subsequent_author is not None:
            return False
        substitutes = self.__dict__.get("_has_substitute")
        if substitutes is None:  # the tree's: a cs:substitute is never inserted later
            substitutes = self.__dict__["_has_substitute"] = self.substitute() is not None
        reference = getattr(item, "reference", None)
        if substitutes or type(reference) is not DefaultLanguageReference:
            return False
        return not any(role in reference for role in (self.get("variable") or "").split())

    def get_parent_delimiter(self, context: Any = None) -> Any:
        # Speed: citeproc-py finds the enclosing cs:bibliography or cs:citation and reads its
        # inheritable option for every name list; it depends on the tree alone
        cache = self.__dict__.get("_parent_delimiters")
        if cache is None:
            cache = self.__dict__["_parent_delimiters"] = {}
        key = id(context)
        if key not in cache:
            cache[key] = super().get_parent_delimiter(context)
        return cache[key]

    def markup(self, text: Any) -> Any:
        """Gap: citeproc-js, which styles are written against, puts the cs:names affixes
        around names only: a title that cs:substitute renders through cs:text keeps its own
        ("Burn first aid 2019:", not "Burn first aid. 2019:" for `<names suffix=".">`), and
        in HTML its own formatting too (`<names font-style="italic">` around a substituted
        `<text value="OV" font-style="italic"/>`: "<i>OV</i>", not "<i><i>OV</i></i>")."""
        if isinstance(text, SubstitutedNames):
            return MixedString(list(text))
        if isinstance(text, SubstitutedText):
            if current().output_format == "html":
                return MixedString(list(text))
            return self.format(MixedString(list(text)))
        return super().markup(text)

    def _process_names(self, item: Any, names_context: Any = None, context: Any = None,
                       **kwargs: Any) -> Any:
        if names_context is None and self.name is None:
            names_context = self.substituted_names()
        name = (names_context if names_context is not None else self).name
        roles = (self.get("variable") or "").split()
        sort_options = kwargs.get("sort_options")
        if (isinstance(name, Name) and name.get_option("form", context, sort_options) == "count"
                and any(role in item.reference for role in roles)):
            return self._count(item, roles, name, context, sort_options)
        if isinstance(name, Name) and name.get("name-kind"):
            item = kind_only(item, roles, str(name.get("name-kind")))
        if self.get("merge-roles") == "true" and isinstance(name, Name):
            return self._merged_roles(item, roles, name, names_context, context, **kwargs)
        if not isinstance(name, Name) or not name.has_count_limits():
            if names_context is None and isinstance(name, Name):
                present = [role for role in roles if role in item.reference]
                if len(present) == 1:
                    return self._one_role(item, present[0], name, context, kwargs)
            return super().process(item, names_context, context, **kwargs)
        present = [role for role in roles if role in item.reference]
        kept = [role for role in present if not name.suppresses(item.reference[role])]
        if present and not kept:
            raise VariableError
        if len(kept) == len(present):
            return super().process(item, names_context, context, **kwargs)
        narrowed = dict(self.own_attributes(), variable=" ".join(kept))
        with overlay(self, narrowed):
            return super().process(item, names_context, context, **kwargs)

    def _one_role(self, item: Any, role: str, name: Name, context: Any,
                  kwargs: dict[str, Any]) -> Any:
        """`model.Names.process` for this cs:names with its own cs:name when the item has one
        of its variables, `role`: the names, the cs:label before or after them, the total of
        a count. Speed: citeproc-py compares the roles with "editor translator", lists the
        element's children for the label's place and tries `sum` on the text (a caught
        TypeError) for every name list."""
        text = name.render(item, role, context=context, **kwargs)
        plural = len(item.reference[role]) > 1
        try:  # citeproc-py's: no cs:label (None) is an AttributeError, passed over
            label = self.label
            rendered = label.render(item, role, plural, **kwargs)
            if rendered is not None:
                first = self.__dict__.get("_first_child")
                if first is None:
                    first = self.__dict__["_first_child"] = self.getchildren()[0]
                text = rendered + text if label is first else text + rendered
        except AttributeError:
            pass
        if not isinstance(text, str | list):  # str and list types never sum to a count
            try:
                total = sum([text])
            except TypeError:
                pass
            else:
                if isinstance(total, int):
                    return str(total) if total > 0 else None
        return self.join([text], self.get_parent_delimiter(context))

    def _merged_roles(self, item: Any, roles: list[str], name: Name, names_context: Any,
                      context: Any, **kwargs: Any) -> Any:
        """Extension `merge-roles="true"` on cs:names (GOST practice, GOST 7.1-2003 examples):
        the same persons in several roles are named once, after all their role words —
        "пер. с фр., коммент. и вступ. ст. С. Н. Зенкина" — at the place of their first
        role; other roles stay groups of their own, joined by the names delimiter. It
        generalises CSL's editor + translator → "editortranslator" rule. The names take the
        `name-case` of cs:name unless every merged role is in `name-case-except`
        ("сост." is followed by the nominative). A translator's role word is "пер. с англ."
        when the item has `original-language` (term `translated-from`; the language in its
        short form, or in full with `original-language-form="long"`)."""
        present = [role for role in roles  # a malformed (text) value is reported: CF410
                   if isinstance(_role_names(item, role), NameList) and _role_names(item, role)]
        distinct = self.get("distinct-from")
        if distinct and isinstance(_role_names(item, distinct), NameList):
            # extension `distinct-from`: a role naming the same persons as that variable is
            # not repeated (GOST: the host's author after "//" only when not the part's)
            own = _names_key(_role_names(item, distinct))
            present = [role for role in present if _names_key(_role_names(item, role)) != own]
        if not present:
            raise VariableError
        groups: list[list[str]] = []
        for role in present:
            key = _names_key(_role_names(item, role))
            same = next((g for g in groups if _names_key(_role_names(item, g[0])) == key),
                        None)
            if same is None:
                groups.append([role])
            else:
                same.append(role)
        owner = names_context if names_context is not None else self
        texts = [self._merged_group(item, group, name, owner, context, **kwargs)
                 for group in groups]
        return self.join([t for t in texts if t is not None],
                         self.get_parent_delimiter(context))

    def _merged_group(self, item: Any, group: list[str], name: Name, owner: Any,
                      context: Any, **kwargs: Any) -> Any:
        from citeproc.string import String

        words = [self._role_word(item, role, owner, **kwargs) for role in group]
        words = [w for w in words if w]
        if len(words) > 1 and all(w.endswith(" by") for w in words):
            # English role words: "ed., introd. and afterword by", not "ed. by, introd. by …"
            words = [w[:-3] for w in words[:-1]] + [words[-1]]
        if len(words) > 1:
            words = [_merged_role_word(w) for w in words]
            conjunction = str(self.get_term("and").single or "and")
            words = [", ".join(words[:-1]) + f" {conjunction} " + words[-1]]
        except_roles = set((name.get("name-case-except") or "").split())
        case = name.get("name-case")
        if case and all(role in except_roles for role in group):
            name.attrib.pop("name-case")
        try:
            names = name.render(item, group[-1].replace("-", "_"), context=context, **kwargs)
        finally:
            if case is not None:
                name.set("name-case", case)
        if names is None:
            return None
        return String(words[0] + " ") + names if words else names

    def _role_word(self, item: Any, role: str, owner: Any, **kwargs: Any) -> str:
        """The role word of the cs:label of these names ("под ред.", "пер. с англ.")."""
        form = "original_language" if self.get("original-language-form") == "long" \
            else "original_language_short"
        # the host's translator (extension `container-translator`) goes with the host's
        # original language (`container-original-language`)
        language = (item.reference.get(form) if role == "translator" else
                    item.reference.get("container_" + form)
                    if role == "container-translator" else None)
        label = getattr(owner, "label", None)
        plural = len(_role_names(item, role)) > 1
        text = label.render(item, role, plural, **kwargs) if label is not None else None
        verb = str(text).strip() if text is not None else ""
        if language:
            term = self.get_term("translated-from")
            if term is None:
                return ""
            # English role words end with "by": "transl. from French by A. Toscano"
            return f"{term.single} {language}" + (" by" if verb.endswith(" by") else "")
        return verb

    def substituted_names(self) -> Any:
        """Gap: a cs:names without cs:name inside cs:substitute inherits the cs:name, cs:et-al
        and cs:label of the cs:names the substitute stands in for — at any depth (CSL 1.0.2);
        citeproc-py passed them on only to the substitute's direct children, so an editor list
        reached through a cs:choose was printed with default options ("K. M. Foley" for
        "Foley, Kathleen M.")."""
        found = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
        return found[0] if found else None

    def _count(self, item: Any, roles: list[str], name: Name, context: Any,
               sort_options: Any) -> str:
        """Gap: `form="count"` over several variables printed the counts side by side ("32"
        for 3 authors and 2 editors) and ignored et-al-min. CSL 1.0.2: the total number of
        names that would be printed, after et-al truncation; an editor who is also the
        translator counts once."""
        present = [role for role in roles if role in item.reference]
        if {"editor", "translator"} <= set(present) and \
                list(item.reference["editor"]) == list(item.reference["translator"]):
            present.remove("translator")
        total = sum(name.shown_count(item.reference[role], context, sort_options)
                    for role in present)
        if not total:
            raise VariableError
        return str(total)


def _merged_role_word(word: str) -> str:
    """A role word among several for the same persons, as a noun: GOST 7.1-2003's example
    "сост., общ. ред. и вступ. ст. Г. К. Косикова" — the preposition of "под общ. ред." (which
    governs the instrumental) is dropped when the abbreviation joins others ("общ. ред.",
    "ред."). Words in full ("под редакцией", 7.0.100) are kept: dropping "под" would leave the
    wrong case."""
    rest = word[4:] if word.startswith("под ") else ""
    return rest if rest.endswith(".") else word


def _role_names(item: Any, role: str) -> Any:
    """The names of a role variable; citeproc-py keys a reference by the variable's name with
    "_" for "-" (`container-translator` → `container_translator`)."""
    return item.reference.get(role.replace("-", "_"))


def _names_key(names: Any) -> tuple[tuple[tuple[str, str], ...], ...]:
    """A name list's identity for merging roles."""
    return tuple(tuple(sorted((str(k), str(v)) for k, v in dict(n).items())) for n in names)


def kind_only(item: Any, roles: list[str], kind: str) -> Any:
    """Extension `name-kind` ("person" | "group") on cs:name: `item` as the cs:names sees it,
    its `roles` holding only personal names (with a family or given name) or only group
    names (literal names: organisations, study groups). GOST puts persons in the heading and
    an organisation after "/"; a role left empty counts as a missing variable
    (VariableError when none is left)."""
    original = item.reference
    kind_of_reference: Any = type(original)
    reference = kind_of_reference.__new__(kind_of_reference)  # CustomDict: copy.copy cannot
    dict.update(reference, original)
    reference.__dict__.update(original.__dict__)
    kept = False
    for role in roles:
        names = item.reference.get(role)
        if not names or not isinstance(names, NameList):
            continue
        chosen = [n for n in names if bool(n.get("literal")) == (kind == "group")]
        if chosen:
            filtered = NameList(chosen)
            filtered.truncated = is_truncated(names) and kind == "person"
            dict.__setitem__(reference, role, filtered)
            kept = True
        else:
            dict.__delitem__(reference, role)
    if not kept:
        raise VariableError
    return _WithReference(item, reference)


class _WithReference:
    """A citation item seen through another reference (everything else delegated)."""

    def __init__(self, item: Any, reference: Any) -> None:
        self.__dict__["_item"] = item
        self.__dict__["reference"] = reference

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_item"], name)


class Name(EngineElement, model.Name):
    """Speed: citeproc-py resolves each of ~14 inheritable name options through an ancestor
    xpath and two attribute look-ups for every name list it renders; the answers only depend
    on the element and the calling context, so they are kept (sort-time overrides bypass).

    Gap ("and others"): a list the source itself cut short (citefmt's `ET_AL_NAME` marker, see
    `source.NameList`) rendered the marker as a name "others". The marker is no name: the
    list shows its known names (the first et-al-use-first of them when the style truncates)
    and always ends with the style's et-al term, in the item's own locale. Its true length is
    unknown but larger than shown, so for et-al-min and suppress-min/max it counts as longer
    than any threshold (GOST: three names and "et al." in the source → the 4+-author form).
    """

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        if sort_options:
            if name == "and" and current().sort_key:
                return None  # no "and" term in a sort key (sort_WithAndInOneEntry)
            # Speed: an option the overrides do not set reads as without them (citeproc-py
            # falls back to the element and its ancestors): the kept answer, except for
            # et-al-min, whose kept answer is adjusted below
            if name in sort_options or name == "et-al-min":
                value = super().get_option(name, context, sort_options)
            else:
                value = self.get_option(name, context)
            if (name == "demote-non-dropping-particle" and value == "sort-only"
                    and sort_options.get("name-as-sort-order") == "all"):
                # only a cs:key's options (citeproc-py: always name-as-sort-order="all")
                # make a sort key; citefmt's own option overrides (et-al, one name at a
                # time) are display: "Vinci, L. da." was printed for "da Vinci, L.".
                # Gap: a sort key rendered through a macro kept "da Vinci" under D;
                # demote-non-dropping-particle="sort-only" sorts it under V (as "Vinci, da")
                return "display-and-sort"
            return value
        cache = self.__dict__.get("_options")
        if cache is None:
            cache = self.__dict__["_options"] = {}
        key = (name, id(context))
        try:
            return cache[key]
        except KeyError:
            value = super().get_option(name, context, sort_options)
            if name == "et-al-min" and value and not self._use_first_set(context):
                # CSL 1.0.2: et-al-min and et-al-use-first go together; citeproc-py's
                # default of 1 for an et-al-use-first no element sets truncated lists
                # ("John Doe et al."; CSL test suite
                # nameattr_EtAlUseFirstOnCitationInBibliography, as citeproc-js)
                value = 0
            cache[key] = value
            return value

    def et_al(self) -> Any:
        if current().sort_key:
            # a sort key holds the names shown, no "et al." (citeproc-js; CSL test suite
            # sort_AguStyleReverseGroups: "Smith" and "Smith et al." tie at names-use-first=1)
            return String("")
        return super().et_al()

    def _use_first_set(self, context: Any) -> bool:
        """Whether the name, its cs:names, or the cs:citation/cs:bibliography it renders
        for, or the style sets et-al-use-first."""
        scope = (context if context is not None else self).xpath_search(_CITATION_OR_BIBLIOGRAPHY)
        parent = self.getparent()
        return any(element is not None and element.get("et-al-use-first") is not None
                   for element in (self, parent, scope[0] if scope else None,
                                   self.get_root()))

    def findall(self, path: str, namespaces: Any = None) -> Any:
        # Speed: citeproc-py looks the cs:name-part children up for every name it prints
        if path != "cs:name-part":
            return super().findall(path, namespaces)
        parts = self.__dict__.get("_name_parts")
        if parts is None:
            parts = self.__dict__["_name_parts"] = super().findall(path, namespaces)
        return parts

    def initialize(self, given: str, mark: str, context: Any) -> str:
        """Gap: citeproc-py cut every capitalised part to one letter ("Ph." → "P.",
        "Дж." → "Д.") and ignored `initialize="false"`; see `initials.py`."""
        hyphen = bool(self.get_option("initialize-with-hyphen", context))
        initialize = self.__dict__.get("_initialize")  # speed: the attribute, read once
        if initialize is None:
            initialize = self.__dict__["_initialize"] = \
                self.get("initialize", "true").lower() != "false"
        return initialize_given(str(given), str(mark), initialize=initialize, hyphen=hyphen)

    def shown_count(self, names: Any, context: Any, sort_options: Any) -> int:
        """How many of `names` are printed, after et-al truncation."""
        et_al_min = self.get_option("et-al-min", context, sort_options)
        use_first = self.get_option("et-al-use-first", context, sort_options)
        truncated = is_truncated(names) or (et_al_min and len(names) >= et_al_min)
        return min(len(names), use_first) if truncated and use_first else len(names)

    def has_count_limits(self) -> bool:
        return "suppress-min" in self.attrib or "suppress-max" in self.attrib

    def suppresses(self, names: Any) -> bool:
        """CSL-M: nothing is rendered for N or more names (suppress-min="N") or for N or
        fewer (suppress-max="N")."""
        count = float("inf") if is_truncated(names) else len(names)
        low, high = self.get("suppress-min"), self.get("suppress-max")
        return ((low is not None and count >= int(low))
                or (high is not None and count <= int(high)))

    def process(self, item: Any, variable: str, context: Any = None,
                sort_options: Any = None, **kwargs: Any) -> Any:
        substitute = current().names_as
        if substitute is not None:
            return String(substitute)  # see `subsequent_author.SubsequentAuthor.apply`
        if not sort_options:
            sort_options = self._subsequent_et_al(item, context)
            sort_options = self._added_names(item, context, sort_options)
        names = item.reference.get(variable, [])
        if self.findall("cs:name-part", self.nsmap):  # the institutions' names, for `Name_Part`
            current().institution_names = frozenset(
                str(name["literal"]) for name in names if "literal" in name)
        item_key = getattr(item, "key", None)  # `item` may be a names-only stand-in below
        use_first = self.get_option("et-al-use-first", context, sort_options)
        if (isinstance(use_first, int) and 0 < len(names) <= use_first
                and not is_truncated(names)
                and self.get_option("et-al-min", context, sort_options)):
            # CSL 1.0.2: et-al truncation shows et-al-use-first names; when that is all of
            # them nothing is cut (citeproc-py added "et al." to a complete list: "Smith,
            # Jones, Brown, et al." for three authors shown through disambiguate-add-names)
            sort_options = dict(sort_options or {}, **{"et-al-min": 0})
        elif (use_first == 0 and names and len(names) > 1
              and len(names) >= (self.get_option("et-al-min", context, sort_options) or 0) > 0):
            # et-al-use-first="0": no name is shown, so the names render nothing (CSL test
            # suite etal_UseZeroFirst; citeproc-py printed a bare "et al."); names a
            # cs:substitute renders with these options are shown in full (citeproc-js:
            # "Foley ve Gelband" for an editors-only book)
            if variable in (self.getparent().get("variable") or "").split():
                raise VariableError(variable)
            sort_options = dict(sort_options or {}, **{"et-al-min": 0})
        sort_options = self._after_inverted_name(names, context, sort_options)
        form = self.get_option("form", context, sort_options)
        plain_names = self.get("name-case") is None and _plain_names(names)
        # speed: for plain names none of the rewrites applies (one pass, not five)
        written = names if plain_names else self._written(names, form, context, sort_options)
        if written is not names:
            item, names = _NamesOnly(variable, written), written
        split = split_group_names(names, self.get("group-delimiter"))
        if split is not None:
            persons, groups = split
            return join_merging([self.process(_NamesOnly(variable, persons), variable, context,
                                              sort_options, **kwargs),
                                 self.process(_NamesOnly(variable, groups), variable, context,
                                              sort_options, **kwargs)],
                                str(self.get("group-delimiter")), self.output_format())
        levels = self._expanded_names(names, context, item_key) if form != "count" else None
        if form != "count" and names and (levels or self._affixes_each_name()
                                          or self._parts_formatted(sort_options)
                                          or self._formats_each_name(sort_options)
                                          or self._attached_terms(context, sort_options)):
            return self._each_name_affixed(variable, names, context, sort_options,
                                           levels=levels, **kwargs)
        if not is_truncated(names) or form == "count":
            if plain_names and names:
                text = self._plain_list(names, context, sort_options)
                if text is not None:
                    return text
            return super().process(item, variable, context, sort_options, **kwargs)
        use_first = self.get_option("et-al-use-first", context, sort_options)
        truncates = bool(self.get_option("et-al-min", context, sort_options))
        shown = list(names[:use_first]) if truncates and use_first else list(names)
        plain = dict(sort_options or {}, **{"et-al-min": "0", "and": None})
        text = super().process(_NamesOnly(variable, shown), variable, context, plain, **kwargs)
        et_al = self.et_al()
        if not str(et_al):
            return text
        if not shown:
            return et_al
        precedes = self._delimiter_precedes_et_al(len(shown), context, sort_options)
        delimiter = (self.get_option("delimiter", context, sort_options) if precedes
                     else " " if spaced_term(str(et_al)) else "")
        return join_merging([text, et_al], delimiter, self.output_format())

    def _plain_list(self, names: Any, context: Any, options: Any) -> Any:
        """`model.Name.process`'s text for a list of plain names (family and given only, as
        `_plain_names` checks) that no cs:name-part formats; None where that path is not
        this one's (another form, et-al-use-last truncation, an unknown `and`).

        Speed: citeproc-py reads thirteen options through `get_option` (and its xpath) for
        every name list, and looks the name parts and the initials' options up per name;
        here the options come from `_list_options`, kept per calling context and option
        overrides, and each name is put together from its two parts directly."""
        options_plan = self._list_options(context, options)
        if options_plan is None:
            return None
        (and_, delimiter, precedes_et_al, precedes_last, et_al_min, use_first, use_last,
         mark, order, separator, form, hyphen, initialize) = options_plan
        count = len(names)
        truncate = count > 1 and et_al_min and count >= et_al_min
        if truncate and use_last and use_first <= et_al_min - 2:
            return None
        if truncate:
            names = names[:use_first]
        output = []
        for index, name in enumerate(names):
            given, family = name.get("given"), name.get("family")
            if given is not None and mark is not None:
                given = initialize_given(str(given), str(mark), initialize=initialize,
                                         hyphen=hyphen)
            if form == "short":
                output.append(" ".join([family]))
            elif order == "all" or (order == "first" and index == 0):
                output.append(separator.join([n for n in (family, given or "") if n]))
            else:
                output.append(" ".join([n for n in (given, family) if n]))
        et_al = self.et_al()
        if truncate and et_al:
            if precedes_et_al == "always" or (precedes_et_al == "contextual"
                                              and len(output) >= 2):
                output.append(et_al)
                return self.join(output, delimiter)
            return self.join(output, delimiter) + " " + et_al
        if and_ is not None and len(output) > 1:
            and_term = (self.get_single_term(name="and") if and_ == "text"
                        else self.preformat("&"))
            text = self.join(output[:-1], ", ")
            if precedes_last == "always" or (precedes_last == "contextual"
                                             and len(output) > 2):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            return text + (f"{and_term} " + output[-1])  # as citeproc-py adds them
        return self.join(output, delimiter)

    def _list_options(self, context: Any, options: Any) -> tuple[Any, ...] | None:
        """The options `_plain_list` reads, as `get_option` answers them for `context` and
        the overrides `options` (kept on the element per both: they depend on the style
        tree and the overrides alone, and on whether a sort key renders, which drops the
        "and"); None when the plain path does not apply to this element."""
        sort_key = bool(options) and current().sort_key
        try:
            key = (id(context), sort_key,
                   tuple(options.items()) if options else None)
            cache = self.__dict__.setdefault("_list_option_plans", {})
            plan: tuple[Any, ...] | None = cache[key]
            return plan
        except TypeError:  # an override that cannot be a key: not kept
            return self._read_list_options(context, options)
        except KeyError:
            made = cache[key] = self._read_list_options(context, options)
            return made

    def _read_list_options(self, context: Any, options: Any) -> tuple[Any, ...] | None:
        if (self.findall("cs:name-part", self.nsmap)
                or type(self).initialize is not Name.initialize
                or type(self).et_al is not Name.et_al):
            return None
        names = ("and", "delimiter", "delimiter-precedes-et-al", "delimiter-precedes-last",
                 "et-al-min", "et-al-use-first", "et-al-use-last", "initialize-with",
                 "name-as-sort-order", "sort-separator", "form")
        values = tuple(self.get_option(name, context, options) for name in names)
        if values[0] not in (None, "text", "symbol") or values[-1] not in ("long", "short"):
            return None
        hyphen = bool(self.get_option("initialize-with-hyphen", context))
        initialize = self.get("initialize", "true").lower() != "false"
        return (*values, hyphen, initialize)

    def _written(self, names: Any, form: Any, context: Any, sort_options: Any) -> Any:
        """`names` as they are printed: written out, declined, suffixes initialized,
        particles elided, short particles demoted, comma suffixes (the same list object when
        nothing changes)."""
        written = declined_names(written_names(names, form), self.get("name-case"))
        mark = self.get_option("initialize-with", context, sort_options)
        if mark is not None:
            written = suffixes_initialized(written, str(mark))
        if any(_elided_particle(name) for name in written):
            written = particles_elided(
                written, self.get_option("name-as-sort-order", context, sort_options),
                self.get_option("demote-non-dropping-particle", context, sort_options))
        if form == "short" and any(name.get("non-dropping-particle") for name in written):
            written = short_particles_demoted(
                written, self.get_option("name-as-sort-order", context, sort_options),
                self.get_option("demote-non-dropping-particle", context, sort_options),
                str(self.get_option("sort-separator", context, sort_options)))
        if form == "long" and any(COMMA_SUFFIX in name for name in written):
            written = comma_suffixed(written, self.get_option("name-as-sort-order", context,
                                                              sort_options))
        return written

    def _parts_formatted(self, options: Any) -> bool:
        """Whether this cs:name formats its name parts (cs:name-part children), outside sort
        keys (a cs:key's options set name-as-sort-order="all")."""
        if options and options.get("name-as-sort-order") == "all":
            return False  # only a cs:key's options set it (see `get_option`)
        return bool(self.findall("cs:name-part", self.nsmap))

    def _personal_name(self, name: Any, context: Any, options: Any) -> Any:
        """One personal name with its cs:name-part formatting, as CSL 1.0.2 "Name-part
        Formatting" and citeproc-js put it together.

        Gap: citeproc-py formatted the given and family strings after gluing the particles
        on, so a family name's text-case and decorations reached the dropping particle
        ("Gerard VAN DER MEER" for "Gerard van DER MEER"), a demoted particle took the given
        name's formatting as one span with it, and the family part's affixes left out the
        suffix ("[Jean] (de La Fontaine) III" for "(de La Fontaine III)"). Here the
        non-dropping particle takes the family part's formatting and the dropping particle the
        given part's, each formatted on its own; the family part's affixes enclose the
        particles, family name and (in display order) the suffix, the given part's the given
        name and the particles that follow it; the suffix is never formatted."""
        fmt = self.output_format()
        parts = {part.get("name"): part for part in self.findall("cs:name-part", self.nsmap)}
        family_part, given_part = parts.get("family"), parts.get("given")
        given, family, dropping, non_dropping, suffix = name.parts()
        mark = self.get_option("initialize-with", context, options)
        if given and mark is not None:
            given = self.initialize(given, mark, context)

        def decorated(part: Any, text: Any) -> Any:
            if not text:
                return None
            return part.format(part.case(text)) if part is not None else text

        def affixed(part: Any, text: Any) -> Any:
            if part is None or text is None:
                return text
            return wrap_merging(part.get("prefix") or "", text, part.get("suffix") or "", fmt)

        def joined(pieces: list[Any], delimiter: str) -> Any:
            present = [piece for piece in pieces if piece is not None and str(piece)]
            return join_merging(present, delimiter, fmt) if present else None

        family_text = decorated(family_part, family)
        non_dropping_text = decorated(family_part, non_dropping)
        if self.get_option("form", context, options) == "short":
            return affixed(family_part, joined([non_dropping_text, family_text], " "))
        given_text = decorated(given_part, given)
        dropping_text = decorated(given_part, dropping)
        order = self.get_option("name-as-sort-order", context, options)
        if order not in ("all", "first"):
            tail = joined([joined([dropping_text, non_dropping_text, family_text], " "),
                           suffix], " ")
            return joined([affixed(given_part, given_text), affixed(family_part, tail)], " ")
        separator = self.get_option("sort-separator", context, options)
        demote = self.get_option("demote-non-dropping-particle", context, options)
        if demote == "display-and-sort":
            first = affixed(family_part, family_text)
            second = joined([joined([given_text, dropping_text], " "), non_dropping_text], " ")
        else:
            first = affixed(family_part, joined([non_dropping_text, family_text], " "))
            second = joined([given_text, dropping_text], " ")
        return joined([joined([first, affixed(given_part, second)], separator), suffix],
                      separator)

    def _attached_terms(self, context: Any, options: Any) -> bool:
        """Whether the "and" or et-al term of this name list is written without spaces
        around it (see `spaced_term`): citeproc-py always put spaces there."""
        cache = self.__dict__.get("_attached")
        key = (id(context), self.get_option("and", context, options), current().locale.code)
        if cache is None:
            cache = self.__dict__["_attached"] = {}
        if key not in cache:
            and_ = key[1]
            terms = [str(self.et_al())]
            if and_ == "text":
                terms.append(str(self.get_single_term("and")))
            cache[key] = any(term and not spaced_term(term) for term in terms)
        return bool(cache[key])

    def _affixes_each_name(self) -> bool:
        return self.get("prefix") is not None or self.get("suffix") is not None

    def _formats_each_name(self, options: Any) -> bool:
        """Whether this cs:name's formatting goes on each name (HTML, outside sort keys): as
        citeproc-js writes it, "<i>Smith</i>/<i>Lee</i>", not "<i>Smith/Lee</i>"."""
        if options and options.get("name-as-sort-order") == "all":
            return False  # a cs:key's options (see `_parts_formatted`)
        return self.output_format() == "html" and is_decorated(self)

    def markup(self, text: Any) -> Any:
        if isinstance(text, FormattedNames):  # formatted and affixed name by name
            return MixedString(list(text))
        if isinstance(text, AffixedNames):  # the affixes are on each name already
            return self.format(MixedString(list(text)))
        return super().markup(text)

    def _expanded_names(self, names: Any, context: Any,
                        item_key: Any) -> dict[int, int] | None:
        """{index in `names`: level} for the names the citations expand
        (`name_expansion.py`; cites only), None when there are none."""
        state = current()
        levels, by_cite = state.name_levels, state.cite_name_levels
        if not levels and not by_cite:
            return None
        scope = (context if context is not None else self).xpath_search(_CITATION_OR_BIBLIOGRAPHY)
        if not scope or scope[0].tag != _CITATION_TAG:
            return None
        found = {}
        for index, name in enumerate(names):
            key = person_key(name)
            level = max(levels.get(key, 0) if index == 0 or not state.name_levels_primary_only
                        else 0, by_cite.get((item_key, key), 0))
            if level:
                found[index] = level
        return found or None

    def _each_name_affixed(self, variable: str, names: Any, context: Any, options: Any,
                           levels: dict[int, int] | None = None, **kwargs: Any) -> Any:
        """Gap: citeproc-js, which styles are written against, puts a cs:name's prefix and
        suffix around each personal name, and none around an institution's
        ("da Vinci, Leonardo.; Ludwig van Beethoven.; and …", "American Burn Association
        2021"); citeproc-py put them around the whole list once. Each name is rendered on its
        own and the list joined here with the style's delimiter, "and" and et-al rules."""
        fmt = self.output_format()
        prefix, suffix = self.get("prefix") or "", self.get("suffix") or ""
        et_al_min = self.get_option("et-al-min", context, options)
        use_first = self.get_option("et-al-use-first", context, options)
        truncated = is_truncated(names) or (bool(et_al_min) and len(names) > 1
                                            and len(names) >= et_al_min)
        shown = list(names[:use_first]) if truncated and use_first else list(names)
        # CSL 1.0.2 et-al-use-last: the first names, the delimiter, an ellipsis and the last
        # name, when at least two names are left out ("C. Okafor-… E. Johansson")
        use_last = (truncated and not is_truncated(names) and bool(use_first)
                    and bool(self.get_option("et-al-use-last", context, options))
                    and len(names) >= use_first + 2)
        indices = list(range(len(shown))) + ([len(names) - 1] if use_last else [])
        order = self.get_option("name-as-sort-order", context, options)
        each_formatted = self._formats_each_name(options)
        pieces = []
        for index in indices:
            name = names[index]
            single = dict(options or {}, **{"et-al-min": 0, "and": None})
            if order == "first" and index > 0:
                single["name-as-sort-order"] = None
            level = levels.get(index) if levels else None
            if level:  # a name expanded to tell it from another person's
                single["form"] = "long"
                if level >= FULL:
                    single["initialize-with"] = None
            if "literal" not in name and self._parts_formatted(single):
                text = self._personal_name(name, context, single)
            else:
                text = super().process(_NamesOnly(variable, [name]), variable, context, single,
                                       **kwargs)
            if text is None or not str(text):
                continue
            if each_formatted:
                text = self.format(text)
            if "literal" not in name:
                text = wrap_merging(prefix, text, suffix, fmt)
            pieces.append(text)
        if not pieces:
            return None
        if each_formatted:
            joined = self._names_joined(pieces, truncated, use_last, order, context, options)
            if truncated and not use_last and str(self.et_al()):
                # citeproc-js 2.4.63 formats a list ending in "et al." once more as a whole:
                # "<b><b>Wang, L.</b>, <b>Kowalski, P.</b> et al.</b>"
                whole = MixedString(list(joined))
                if resets(self):  # "normal" too, which no name shows by itself
                    et_al = next((sibling for sibling in self.getparent()
                                  if str(sibling.tag).endswith("}et-al")), None)
                    whole = MixedString([NoCase(reset_regardless(self, str(whole), et_al))])
                joined = self.format(whole)
            return FormattedNames(joined)
        return self._names_joined(pieces, truncated, use_last, order, context, options)

    def _names_joined(self, pieces: list[Any], truncated: bool, use_last: bool, order: Any,
                      context: Any, options: Any) -> Any:
        """The rendered names of `_each_name_affixed` joined with the style's delimiter,
        "and" and et-al rules."""
        fmt = self.output_format()
        delimiter = self.get_option("delimiter", context, options)
        if use_last and len(pieces) > 1:
            last = join_merging(["\u2026", pieces[-1]], " ", fmt)
            return AffixedNames(join_merging([*pieces[:-1], last], delimiter, fmt))
        et_al = self.et_al() if truncated else None
        if et_al is not None and str(et_al):
            precedes = self._delimiter_precedes_et_al(len(pieces), context, options)
            listed = join_merging(pieces, delimiter, fmt)
            return AffixedNames(join_merging([listed, et_al],
                                             delimiter if precedes else
                                             " " if spaced_term(str(et_al)) else "", fmt))
        and_ = self.get_option("and", context, options)
        if not and_ or len(pieces) < 2:
            return AffixedNames(join_merging(pieces, delimiter, fmt))
        # "&" escaped in HTML as citeproc-py's own lists escape it ("Brown &#38; J. Jones")
        and_term = (str(self.get_single_term("and")) if and_ == "text"
                    else str(self.preformat("&")))
        rule = self.get_option("delimiter-precedes-last", context, options)
        inverted_before_last = order == "all" or (order == "first" and len(pieces) == 2)
        precedes_last = (rule == "always" or (rule == "contextual" and len(pieces) > 2)
                         or (rule == "after-inverted-name" and inverted_before_last))
        head = join_merging(pieces[:-1], delimiter, fmt)
        space = " " if spaced_term(and_term) else ""
        head = join_merging([head, and_term], delimiter if precedes_last else space, fmt)
        return AffixedNames(join_merging([head, pieces[-1]], space, fmt))

    def _subsequent_et_al(self, item: Any, context: Any) -> dict[str, int] | None:
        """Gap: citeproc-py ignored `et-al-subsequent-min`/`et-al-subsequent-use-first`. In a
        cite of an item cited before (position "subsequent"), they replace et-al-min and
        et-al-use-first (CSL 1.0.2, Name options)."""
        scope = (context if context is not None else self).xpath_search(_CITATION_OR_BIBLIOGRAPHY)
        if not scope or scope[0].tag != _CITATION_TAG:
            return None
        citation = scope[0]
        if not _is_subsequent(item, citation):
            return None
        options = {}
        for option in ("et-al-subsequent-min", "et-al-subsequent-use-first"):
            value = next((element.get(option) for element in (self, citation, self.get_root())
                          if element.get(option) is not None), None)
            if value is not None:
                options[option.replace("subsequent-", "")] = int(value)
        return options or None

    def _added_names(self, item: Any, context: Any, options: Any) -> Any:
        """disambiguate-add-names: a cite that `disambiguation.py` found ambiguous shows at
        least as many names as it needs to be told apart (cites only)."""
        state = current()
        key = getattr(item, "key", None) or ""
        wanted = state.added_names.get(key)
        level = state.given_name_level.get(key)
        if not wanted and not level:
            return options
        scope = (context if context is not None else self).xpath_search(_CITATION_OR_BIBLIOGRAPHY)
        if not scope or scope[0].tag != _CITATION_TAG:
            return options
        changed = dict(options or {})
        if wanted and self.get_option("et-al-use-first", context, options) < wanted:
            changed["et-al-use-first"] = wanted
        if level:
            # disambiguate-add-givenname: 1 = long form (initials if the style initialises),
            # 2 = full given names
            changed["form"] = "long"
            if level >= 2:
                changed["initialize-with"] = None
        return changed or options

    def _after_inverted_name(self, names: Any, context: Any, options: Any) -> Any:
        """Gap: citeproc-py has no "after-inverted-name" value of `delimiter-precedes-last`
        and `delimiter-precedes-et-al` (read as never): CSL 1.0.2 puts the delimiter there
        when the name before it is inverted ("APPLEBY, Aloysius, and Bobby BROWN", "DOEBUCK,
        Jonathan, et al."). Resolved here to "always" or "never" for this list."""
        last = self.get_option("delimiter-precedes-last", context, options)
        et_al = self.get_option("delimiter-precedes-et-al", context, options)
        if "after-inverted-name" not in (last, et_al):
            return options
        order = self.get_option("name-as-sort-order", context, options)
        shown = self.shown_count(names, context, options)
        changed = dict(options or {})

        def inverted(index: int) -> bool:  # a literal (institution) name is never inverted
            return (0 <= index < len(names) and "literal" not in names[index]
                    and (order == "all" or (order == "first" and index == 0)))

        if last == "after-inverted-name":
            changed["delimiter-precedes-last"] = "always" if inverted(shown - 2) else "never"
        if et_al == "after-inverted-name":
            changed["delimiter-precedes-et-al"] = "always" if inverted(shown - 1) else "never"
        return changed

    def _delimiter_precedes_et_al(self, shown: int, context: Any, sort_options: Any) -> bool:
        rule = self.get_option("delimiter-precedes-et-al", context, sort_options)
        if rule == "always":
            return True
        if rule == "after-inverted-name":
            order = self.get_option("name-as-sort-order", context, sort_options)
            return order == "all" or (order == "first" and shown == 1)
        return rule == "contextual" and shown >= 2


def spaced_term(term: str) -> bool:
    """Whether an "and" or et-al term is set off from the names by spaces.

    Gap: citeproc-py put spaces around every such term: "Ziggy Zither 等點校" for
    "Ziggy Zither等點校", "תפוח ו תפוז". citeproc-js, which styles are written against,
    spaces a term that starts with "&" or a letter of a script written with spaces between
    words (Latin, Greek, Cyrillic, Hebrew, Arabic, Thai), and writes terms in other scripts
    (Chinese "等", "和") against the names; the Hebrew conjunction "ו" is written onto the
    following word (CSL test suite name_EtAlWithCombined, name_HebrewAnd). A term starting
    with punctuation ("[et al.]") stays spaced, as citefmt's GOST styles expect."""
    first = _MARKUP.sub("", term)[:1]  # the term as formatted ("<i>et al.</i>")
    if first == "\u05d5":
        return False
    if not first.isalpha():  # "&", or a bracket ("[et al.]" of GOST styles): spaced
        return True
    return unicodedata.name(first, "").split(" ")[0] in _SPACED_SCRIPTS


_MARKUP = re.compile(r"<[^<>]*>")
_SPACED_SCRIPTS = frozenset({"LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARABIC", "THAI"})

_CITATION_OR_BIBLIOGRAPHY = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
_CITATION_TAG = "{http://purl.org/net/xbiblio/csl}citation"


def _is_subsequent(item: Any, citation: Any) -> bool:
    """Whether a cite is a later cite of its item: as `positions.py` placed it, as
    disambiguation compares cites (subsequent), else by the items cited so far."""
    state = current()
    placed = state.positions.get(id(item), state.unplaced_position)
    if placed is not None:
        return bool(placed.position != "first")
    key = getattr(item, "key", None)
    return key is not None and key in _cited_keys(citation)


def _cited_keys(citation: Any) -> set[str]:
    """Keys of the items cited so far in this render (citeproc-py appends each rendered cite
    to the citation element's `cites`), kept as a set that grows with the list."""
    context = current()
    cites = context.cites
    cached = context.cited_keys
    if cached is None or cached[2] is not cites or cached[0] > len(cites):
        cached = (0, set(), cites)
    count, keys, _ = cached
    keys.update(cite.key for cite in cites[count:])
    context.cited_keys = (len(cites), keys, cites)
    return keys


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def written_names(names: Any, form: str) -> Any:
    """`names`, with the names citeproc-py would mis-order as literal names (the same list
    object when there are none).

    Gaps: CSL 1.0.2 prints names in Chinese, Japanese and Korean script family name first,
    without a space ("我妻栄"; citeproc-py gave "栄 我妻"), and a name with only a given name
    (a mononym such as "Banksy") as it is, never initialised ("B.")."""
    if not any(_needs_writing_out(name) for name in names):
        return names
    written = NameList(_written(name, form) for name in names)
    written.truncated = is_truncated(names)
    return written


#: particles written onto the family name: ending in an apostrophe ("d'") or a hyphen ("al-")
_APOSTROPHES = ("'", "\u2019", "-")


def _elided_particle(name: Any) -> bool:
    return any(str(name.get(part) or "").endswith(_APOSTROPHES)
               for part in ("dropping-particle", "non-dropping-particle"))


def particles_elided(names: Any, sort_order: str | None, demote: str | None) -> Any:
    """Gap: a particle ending in an apostrophe ("d'", "dell’") or a hyphen ("al-") was printed
    with a space before the family name ("John d’ Jones"); it is written together with it
    ("John d’Jones", "al-One", citeproc-js), wherever the particle stands right before the
    family name."""
    result = NameList()
    for index, name in enumerate(names):
        inverted = sort_order == "all" or (sort_order == "first" and index == 0)
        parts = dict(name)
        for part in ("non-dropping-particle", "dropping-particle"):
            particle = str(parts.get(part) or "")
            before_family = not inverted or (part == "non-dropping-particle"
                                             and demote != "display-and-sort")
            if particle.endswith(_APOSTROPHES) and before_family and parts.get("family"):
                del parts[part]
                parts["family"] = particle + str(parts["family"])
        result.append(name if parts == dict(name) else CiteprocName(**parts))
    result.truncated = is_truncated(names)
    return result


def short_particles_demoted(names: Any, sort_order: str | None, demote: str | None,
                            separator: str) -> Any:
    """Gap: a short name in sort order kept its non-dropping particle in front ("da Vinci");
    citeproc-js, which styles are written against, demotes it there as in a long inverted
    name when particles are demoted for display ("Vinci, da"; with demote-non-dropping-
    particle="never", "la Martinière": CSL test suite nameorder_ShortNameAsSortDemoteNever).
    The particle stays in the family name part (its text case: "VINCI, DA")."""
    if demote != "display-and-sort":
        return names
    result = NameList()
    for index, name in enumerate(names):
        inverted = sort_order == "all" or (sort_order == "first" and index == 0)
        particle = name.get("non-dropping-particle")
        if inverted and particle and name.get("family") and "literal" not in name:
            parts = {k: v for k, v in name.items() if k != "non-dropping-particle"}
            parts["family"] = f"{name['family']}{separator}{particle}"
            name = CiteprocName(**parts)
        result.append(name)
    result.truncated = is_truncated(names)
    return result


def comma_suffixed(names: Any, sort_order: str | None) -> Any:
    """Gap: CSL-JSON's `comma-suffix` was ignored: "Jeffrey Doe Jr." for "Jeffrey Doe, Jr.".
    A name in display order with `comma-suffix` gets a comma between family name and suffix
    (inverted names have the sort separator there already)."""
    result = NameList()
    for index, name in enumerate(names):
        inverted = sort_order == "all" or (sort_order == "first" and index == 0)
        if COMMA_SUFFIX in name and not inverted and name.get("family"):
            name = CiteprocName(**{k: v for k, v in name.items() if k != COMMA_SUFFIX})
            dict.__setitem__(name, "family", name["family"] + ",")
        result.append(name)
    result.truncated = is_truncated(names)
    return result


def split_group_names(names: Any, delimiter: str | None) -> tuple[Any, Any] | None:
    """(persons, groups) when a citefmt `group-delimiter` asks to set the group authors (literal
    names: "Alf-One Study Group") after the persons with their own delimiter (NLM: "…,
    van Moorselaar RJ; Alf-One Study Group."); None otherwise. A list the source cut short
    keeps its mark on the groups' side, where the et-al term follows."""
    if delimiter is None or not names:
        return None
    persons = [name for name in names if not name.get("literal")]
    groups = [name for name in names if name.get("literal")]
    if not persons or not groups or names[: len(persons)] != persons:
        return None
    tail = NameList(groups)
    tail.truncated = is_truncated(names)
    return NameList(persons), tail


def declined_names(names: Any, case: str | None) -> Any:
    """`names` in the grammatical case a citefmt `name-case` attribute asks for (GOST's
    "под ред. А. Б. Иванова"; see `russian.py`); the same list object when nothing changes."""
    if not case or not names:
        return names
    declined = [decline_name(name, case) for name in names]
    if all(new is old for new, old in zip(declined, names, strict=True)):
        return names
    result = NameList(declined)
    result.truncated = is_truncated(names)
    return result
def suffixes_initialized(names: Any, mark: str) -> Any:
    """`names` with each abbreviated suffix ending in the style's initialize-with mark
    (the same list object when no suffix changes).

    Gap: citeproc-js, which styles are written against, treats a name suffix like given-name
    initials when initialize-with is set: "Jr." ends in the mark's period, or in none when
    the mark has none ("King Jr" with initialize-with=" "); citeproc-py printed "Jr." always."""
    ending = mark.rstrip()
    if not any(str(name.get("suffix") or "").endswith(".") and not ending.endswith(".")
               for name in names):
        return names
    changed = NameList(_suffix_with(name, ending) for name in names)
    changed.truncated = is_truncated(names)
    return changed


def _suffix_with(name: Any, ending: str) -> Any:
    suffix = str(name.get("suffix") or "")
    if not suffix.endswith(".") or "literal" in name:
        return name
    parts = {key: value for key, value in name.items() if key != "suffix"}
    return CiteprocName(suffix=suffix.rstrip(".") + ending, **parts)


#: the keys of a name none of `Name._written`'s rewrites touches (no suffix, particle,
#: comma-suffix or literal)
_PLAIN_NAME_KEYS = frozenset({"family", "given"})


def _plain_names(names: Any) -> bool:
    """Whether every name has a family name, no other keys than family and given, and is
    not one `written_names` writes out: then `Name._written` returns `names` itself."""
    for name in names:
        if (not isinstance(name, dict) or not name.keys() <= _PLAIN_NAME_KEYS
                or _needs_writing_out(name)):
            return False
    return True


def _needs_writing_out(name: Any) -> bool:
    if "literal" in name:
        return False
    family, given = name.get("family"), name.get("given")
    return not family or bool(given and _CJK.search(family) and _CJK.search(given))


def _written(name: Any, form: str) -> Any:
    if not _needs_writing_out(name):
        return name
    family, given = name.get("family") or "", name.get("given") or ""
    text = family if form == "short" and family else family + given
    return CiteprocName(literal=text) if text else name


class _NamesOnly:
    """A citation item stand-in holding one name variable: what `model.Name.process` reads."""

    __slots__ = ("reference",)

    def __init__(self, variable: str, names: list[Any]) -> None:
        self.reference = {variable: names}


def is_truncated(names: Any) -> bool:
    """True for a name list the source cut short ("et al." / "и др." / BibTeX "and others")."""
    return bool(getattr(names, "truncated", False))


class Substitute(EngineElement, model.Substitute):
    """Gap: CSL 1.0.2 — the first child of cs:substitute that renders something stands for
    the names, and the variables it rendered are suppressed in the rest of the cite or entry.
    citeproc-py remembered only a substituted cs:names/cs:text element's own `variable`, and
    only cs:text consulted it: cs:names printed the editors again and a title substituted
    through a macro was printed twice. Here every variable read while the successful child
    renders is recorded (`context.RenderContext.recording`) and suppressed for the rest of
    the cite or entry (`source.DefaultLanguageReference`)."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        state = current()
        for child in self.iterchildren():
            used: set[str] = set()
            state.recording.append(used)
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(item, names_context=self.getparent(), context=context,
                                        **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            finally:
                state.recording.pop()
                if state.recording:
                    state.recording[-1].update(used)
            if text:
                state.suppress(used)
                state.term_substitute = not used and _bare_fixed_text(child, item, context)
                if isinstance(child, model.Names):
                    # a cs:names with cs:name, cs:label … of its own prints as itself
                    return SubstitutedNames(text) if len(child) else text
                return SubstitutedText(text)
            if isinstance(child, model.Text) and "term" in child.attrib:
                # a term reads no variable and cannot fail: it ends the substitute even when
                # the locale defines it empty (citeproc-js; CSL test suite
                # substitute_SubstituteOnlyOnceTermEmpty: "Content:", not the next term)
                return None
        return None


def _bare_fixed_text(element: Any, item: Any, context: Any) -> bool:
    """Whether `element`, a child of cs:substitute that rendered, is a bare cs:text printing
    a term or fixed text (directly or in the cs:choose branch taken).

    Gap: citeproc-js, which styles are written against, counts the cs:names such a text
    stands in for as an empty variable (CSL 1.0.2's group rule: the names' variables are
    all empty): a macro or group holding only those names prints nothing ("Anonyme, 1791"
    was "1791", archeosciences). A term reached through a macro call or a cs:group in the
    substitute still counts as rendered ("Anonymous. Burn first aid", mary-ann-liebert)."""
    if isinstance(element, model.Text):
        return element.get("term") is not None or element.get("value") is not None
    if isinstance(element, model.Choose):
        for branch in element.iterchildren():
            holds = getattr(branch, "holds", None)
            if holds is None or holds(item, context):
                return all(_bare_fixed_text(child, item, context)
                           for child in branch.iterchildren())
    return False


class Name_Part(EngineElement, model.Name_Part):
    """Gap: citeproc-py formatted an institution's name (a `literal` name) as a family name
    with the family cs:name-part's affixes, and the given part's affixes around nothing
    ("American Burn Association, , « Burn registry data »" for `suffix=", "`, atlande).
    citeproc-js, which styles are written against, gives it the family part's text case and
    formatting only ("<i>AMERICAN BURN ASSOCIATION</i>"), and nothing of the given part."""

    def format_part(self, given: Any, family: Any) -> tuple[Any, Any]:
        if self.get("name") == "given":
            # no affixes around a given name that is not there (an institution's, "Plato")
            return super().format_part(given, family) if given else (given, family)
        if given or family not in current().institution_names:
            return super().format_part(given, family)
        return given, self.format(self.case(family))


class _Retyped(MixedString):
    """The segments of `text` (a MixedString's, or `text` as one) in a subclass whose type
    tells later steps how the text was made."""

    def __init__(self, text: Any) -> None:
        super().__init__(list(text) if isinstance(text, MixedString) else [text])


class AffixedNames(_Retyped):
    """A name list whose names carry the cs:name affixes each (`Name._each_name_affixed`)."""


class FormattedNames(AffixedNames):
    """A name list whose cs:name formatting is on each name already (see
    `Name._formats_each_name`)."""


class SubstitutedText(_Retyped):
    """What a cs:text (not a cs:names) inside cs:substitute rendered for the names."""


class SubstitutedNames(_Retyped):
    """What a cs:names with child elements of its own inside cs:substitute rendered. Gap:
    citeproc-js prints it with its own affixes and formatting only, not the original
    cs:names' around them (`<b>C. Adams</b>`, not "[<b><b>C. Adams</b></b>]"; CSL 1.0.2,
    Substitute, says only that it stands for the names, so the choice is the processor's);
    the shorthand `<names variable="editor"/>` keeps the original's."""
