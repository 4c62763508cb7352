"""Councils that matched on the same work, shown once: "Bath, Bristol and Somerset"."""

from dataclasses import dataclass, field


@dataclass
class MatchGroup:
    """Councils whose matching pages and collaboration signals are the same."""

    matches: list = field(default_factory=list)

    @property
    def first(self):
        return self.matches[0]

    @property
    def council(self):
        return self.first.council

    @property
    def councils(self):
        return [match.council for match in self.matches]

    @property
    def items(self):
        return self.first.items

    @property
    def reason(self):
        return self.first.reason


def group_matches(matches):
    """Matches in rank order, those on the same pages (and signals) folded into one group."""
    groups = {}
    for match in matches:
        key = (
            tuple((item.page.pk, item.role) for item in match.items),
            tuple(signal.reason for signal in match.signals),
        )
        groups.setdefault(key, MatchGroup()).matches.append(match)
    return list(groups.values())
