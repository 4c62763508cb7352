"""Published pages' facet values as numpy arrays, so counting facets over 10,000 pages takes
a few milliseconds. Built once per content version (see `facets.page_rows`)."""

import math
from collections import Counter

import numpy as np

SINGLE = ("kind", "council_type", "nation", "region", "phase", "year")
MULTI = ("theme", "council")  # a page's council is its lead council and every partner


class RowSet(list):
    """The rows, plus per facet an array of value codes (or a page x value matrix for
    themes and councils), plus the document frequencies relevance ranking needs."""

    def __init__(self, rows):
        super().__init__(rows)
        self.by_pk = {row.pk: row for row in rows}
        self.position = {row.pk: index for index, row in enumerate(rows)}
        self.pks = np.array([row.pk for row in rows], dtype=np.int64)
        self.values, self.codes = {}, {}
        for name in SINGLE:
            values = sorted({v for row in rows for v in row.values[name] if v is not None}, key=str)
            index = {value: code for code, value in enumerate(values)}
            codes = np.full(len(rows), -1, dtype=np.int64)
            for position, row in enumerate(rows):
                for value in row.values[name]:
                    codes[position] = index.get(value, -1)
            self.values[name], self.codes[name] = values, codes
        for name in MULTI:
            values = sorted({v for row in rows for v in row.values[name]})
            index = {value: code for code, value in enumerate(values)}
            matrix = np.zeros((len(rows), len(values)), dtype=bool)
            for position, row in enumerate(rows):
                for value in row.values[name]:
                    matrix[position, index[value]] = True
            self.values[name], self.codes[name] = values, matrix
        self.council_names = {}
        for row in rows:
            self.council_names.update(row.values["_council_names"])
        self.df = Counter()
        lengths = Counter()
        for row in rows:
            self.df.update({term for counts in row.terms.values() for term in counts})
            for name, counts in row.terms.items():
                lengths[name] += sum(counts.values())
        self.average_length = {name: total / len(rows) for name, total in lengths.items()}

    # Filtering and counting ---------------------------------------------------------------

    def _passes(self, name, selected):
        wanted = [code for code, value in enumerate(self.values[name]) if value in selected]
        if name in MULTI:
            return self.codes[name][:, wanted].any(axis=1)
        return np.isin(self.codes[name], wanted)

    def _within(self, ids):
        mask = np.zeros(len(self), dtype=bool)
        if ids is None:
            mask[:] = True
            return mask
        positions = [self.position[pk] for pk in ids if pk in self.position]
        mask[positions] = True
        return mask

    def masks(self, selected, peer_slugs=None):
        masks = {
            name: self._passes(name, set(values)) for name, values in selected.items() if values
        }
        if peer_slugs is not None:
            masks["peers_of"] = self._passes("council", set(peer_slugs))
        return masks

    def matching(self, selected, matched_ids=None, peer_slugs=None):
        """Ids of the pages matching the words and every filter."""
        mask = self._within(matched_ids)
        for passed in self.masks(selected, peer_slugs).values():
            mask &= passed
        return self.pks[mask].tolist()

    def facet_counts(self, selected, matched_ids=None, peer_slugs=None):
        within = self._within(matched_ids)
        masks = self.masks(selected, peer_slugs)
        if "peers_of" in masks:
            within &= masks.pop("peers_of")
        failing = np.zeros(len(self), dtype=np.int64)
        for passed in masks.values():
            failing += ~passed
        everything = within & (failing == 0)
        counts = {}
        for name in SINGLE + MULTI:
            rows = (
                everything | (within & (failing == 1) & ~masks[name])
                if name in masks
                else everything
            )
            if name in MULTI:
                totals = self.codes[name][rows].sum(axis=0)
            else:
                codes = self.codes[name][rows]
                totals = np.bincount(codes[codes >= 0], minlength=len(self.values[name]))
            counts[name] = Counter(
                {
                    value: int(total)
                    for value, total in zip(self.values[name], totals, strict=True)
                    if total
                }
            )
        return counts, int(everything.sum())

    def hidden_by_each_filter(self, selected, matched_ids=None, peer_slugs=None):
        """How many pages each active filter alone hides."""
        within = self._within(matched_ids)
        masks = self.masks(selected, peer_slugs)
        failing = np.zeros(len(self), dtype=np.int64)
        for passed in masks.values():
            failing += ~passed
        only_one = within & (failing == 1)
        return Counter(
            {
                name: int((only_one & ~passed).sum())
                for name, passed in masks.items()
                if (only_one & ~passed).any()
            }
        )

    # Relevance ----------------------------------------------------------------------------

    def idf(self, term):
        frequency = self.df.get(term, 0)
        return math.log(1 + (len(self) - frequency + 0.5) / (frequency + 0.5))
