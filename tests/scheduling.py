"""How pytest-xdist shares the tests out between its workers: by module, in the run's order.

xdist's default hands out tests one by one, so the tests of a module that builds its data once
(tests/shared_data.py) are spread over every worker and each builds the data again. Here each
worker gets whole modules instead. A test that commits has to run after every test that does
not, on its worker (tests/conftest.py sorts them last), so a module's committing tests, which
come again at the end, are a unit of their own there; and the units go out in the run's order,
not xdist's largest-first.
"""

import pytest
from xdist.scheduler import LoadScopeScheduling


def module_runs(nodeids):
    """Each test's unit: its module, counted each time the module comes round again."""
    units, rounds, current = {}, {}, None
    for nodeid in nodeids:
        module = nodeid.split("::", 1)[0]
        if module != current:
            rounds[module] = rounds.get(module, 0) + 1
            current = module
        units[nodeid] = f"{module}#{rounds[module]}"
    return units


class ModuleScheduling(LoadScopeScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self.units = {}

    def schedule(self):
        if self.collection is None and self.registered_collections:
            self.units = module_runs(next(iter(self.registered_collections.values())))
        super().schedule()

    def _split_scope(self, nodeid):
        return self.units[nodeid]


@pytest.hookimpl(optionalhook=True)  # a run without xdist (`-p no:xdist`) has no such hook
def pytest_xdist_make_scheduler(config, log):
    config.option.loadscopereorder = False
    return ModuleScheduling(config, log)
