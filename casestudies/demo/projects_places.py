"""Demo projects: shared work on climate, streets, economy, money, people and buying."""

PROJECTS = [
    {
        "slug": "rural-charge-point-partnership",
        "title": "A south-west partnership for rural charge points",
        "council": "CON",
        "partners": ["DEV", "PLY", "SMT"],
        "themes": ["climate", "highways-and-transport", "procurement"],
        "tags": ["EV charging", "rural", "concession contracts"],
        "published": "2025-02-25",
        "updated": "2026-04-21",
        "reviewed": "2026-04-21",
        "summary": "Councils in the south west are bundling rural and town sites into "
                   "shared charge point concessions, so operators take on the villages "
                   "along with the profitable car parks.",
        "aims": "Small councils struggle to attract charge point operators on their own. "
                "A shared procurement, shared site scoring and shared grid conversations "
                "make rural sites viable.",
        "phase": "alpha",
        "stance": "looking_for_partners",
        "budget_band": "over_1m",
        "started": "2024-11-04",
        "outputs": [
            ("data", "Shared site scoring model", "Weights for demand, grid and access."),
        ],
        "contact": ("Tamsin Trevithick", "Low carbon transport officer", True),
        "updates": [
            ("2025-01-27", "CON", "Partners signed up",
             "Devon, Plymouth and Somerset agreed to a joint procurement."),
            ("2025-07-08", "DEV", "Grid capacity map",
             "The network operator shared capacity data for 600 candidate sites."),
            ("2026-04-21", "SMT", "Market engagement",
             "Seven operators attended; most preferred lots mixing towns and villages."),
        ],
    },
    {
        "slug": "west-of-scotland-device-bank",
        "title": "A shared device bank for the west of Scotland",
        "council": "GLG",
        "partners": ["NLK", "RFW"],
        "themes": ["digital-inclusion", "libraries-and-culture"],
        "tags": ["device lending", "refurbished devices", "circular economy"],
        "published": "2023-11-07",
        "updated": "2025-03-11",
        "summary": "Councils collect old laptops from their own staff and local firms, "
                   "wipe and refurbish them centrally, and lend or give them to residents "
                   "through libraries and community groups.",
        "aims": "Each council was buying refurbished devices separately while its own "
                "old laptops went for recycling. One device bank refurbishes both and "
                "shares them by need.",
        "phase": "live",
        "stance": "share_ideas",
        "budget_band": "50k_250k",
        "started": "2023-04-03",
        "outputs": [
            ("service_pattern", "Device donation and wiping process",
             "From collection to certified data wiping."),
        ],
        "contact": ("Euan Drummond", "Digital inclusion lead", True),
        "updates": [
            ("2023-08-21", "GLG", "Refurbishment partner chosen",
             "A social enterprise will wipe and refurbish devices."),
            ("2024-02-05", "NLK", "First 500 devices",
             "500 devices lent or given through 22 community organisations."),
            ("2025-03-11", "RFW", "Renfrewshire libraries join",
             "Every Renfrewshire library now takes donations and lends devices."),
        ],
    },
    {
        "slug": "shared-fly-tipping-enforcement-northern-ireland",
        "title": "Joint fly-tipping enforcement across council boundaries",
        "council": "MUL",
        "partners": ["ABC", "DRS", "NMD"],
        "themes": ["waste", "community-safety"],
        "tags": ["fly-tipping", "enforcement", "cross-border"],
        "published": "2024-06-25",
        "updated": "2025-10-07",
        "summary": "Fly-tippers cross council boundaries, and so now does enforcement. "
                   "Four councils share cameras, intelligence and a team of officers who "
                   "can act in any of their areas.",
        "aims": "Share deployable cameras and vehicle intelligence, agree common penalty "
                "levels, and authorise officers to act across all four council areas.",
        "phase": "live",
        "stance": "open_to_conversation",
        "budget_band": "50k_250k",
        "started": "2024-01-15",
        "contact": ("Roisin Devlin", "Environmental crime coordinator", True),
        "updates": [
            ("2024-04-02", "MUL", "Officers cross-authorised",
             "Councils delegated enforcement powers so officers can act in all four areas."),
            ("2024-10-14", "DRS", "Vehicle intelligence shared",
             "Vehicles seen at several sites are now flagged across the four councils."),
            ("2025-10-07", "NMD", "First joint prosecution",
             "A waste carrier was convicted for dumping in three council areas."),
        ],
    },
    {
        "slug": "grow-your-own-social-workers",
        "title": "Growing our own social workers in the West Midlands",
        "council": "BIR",
        "partners": ["WLV", "SAW", "DUD"],
        "themes": ["workforce-and-skills", "children-and-families", "adult-social-care"],
        "tags": ["social work recruitment", "apprenticeships", "agency staff"],
        "published": "2024-03-19",
        "updated": "2025-09-23",
        "summary": "Councils sponsor support workers through social work degree "
                   "apprenticeships and agree a shared pay cap for agency social workers, "
                   "to stop bidding against each other for scarce staff.",
        "aims": "Reduce reliance on agency social workers by training people who already "
                "work for us, and agree a regional memorandum on agency rates.",
        "phase": "live",
        "stance": "share_ideas",
        "budget_band": "over_1m",
        "started": "2023-09-01",
        "outputs": [
            ("document", "Regional agency pay memorandum", "Rates and conduct agreed by councils."),
        ],
        "contact": ("Grace Oyelaran", "Principal social worker", True),
        "updates": [
            ("2023-12-01", "BIR", "First cohort starts",
             "38 apprentices began degree programmes across four councils."),
            ("2024-07-16", "WLV", "Agency memorandum signed",
             "All four councils signed; agency rates are now capped."),
            ("2025-09-23", "SAW", "Agency use falls",
             "Agency social workers down from 29% to 17% of the workforce."),
        ],
    },
    {
        "slug": "budget-conversation-toolkit",
        "title": "A toolkit for public conversations about council budgets",
        "council": "BFS",
        "partners": ["ANN", "LBC"],
        "themes": ["democracy", "finance-and-commercial"],
        "tags": ["budget consultation", "engagement", "rates"],
        "published": "2023-05-16",
        "updated": "2024-02-13",
        "summary": "An online budget simulator and workshop materials helped residents "
                   "see the trade-offs behind rates decisions. The toolkit is finished and "
                   "free to reuse.",
        "aims": "Consultations asked residents whether they wanted services cut, and "
                "everyone said no. The toolkit asks people to balance a budget themselves.",
        "phase": "retired",
        "stance": "share_ideas",
        "budget_band": "10k_50k",
        "started": "2022-09-05",
        "outputs": [
            ("code", "Budget simulator", "Open-source budget balancing game."),
            ("document", "Budget workshop facilitator pack", "Two-hour workshop plan."),
        ],
        "contact": ("Sinead O'Hare", "Community development manager", False),
        "updates": [
            ("2022-12-06", "BFS", "Simulator tested",
             "Tested with youth forum members, who asked for fewer categories."),
            ("2023-02-21", "ANN", "Used in rates consultation",
             "1,200 residents balanced the budget online."),
            ("2024-02-13", "LBC", "Project closed",
             "Toolkit handed to the councils' engagement teams; no further development."),
        ],
    },
    {
        "slug": "high-street-vacancy-data",
        "title": "Common data on empty shops for town centres",
        "council": "ABC",
        "partners": ["NMD", "MEA"],
        "themes": ["economic-development", "planning", "data-and-standards"],
        "tags": ["high streets", "vacant units", "open data"],
        "published": "2025-11-11",
        "summary": "Three councils survey town centre units the same way twice a year and "
                   "publish the results, so investors and councillors can compare "
                   "towns.",
        "aims": "Agree one survey method for vacant and occupied units, publish open data, "
                "and use it to target meanwhile use grants.",
        "phase": "beta",
        "stance": "looking_for_partners",
        "budget_band": "under_10k",
        "started": "2025-06-02",
        "contact": ("Declan Murray", "Town centre development officer", True),
        "updates": [
            ("2025-08-19", "ABC", "Survey method agreed",
             "Unit categories aligned with business rates property classes."),
            ("2025-11-04", "MEA", "First joint survey",
             "Surveys of eleven town centres published as open data."),
        ],
    },
    {
        "slug": "single-person-discount-review",
        "title": "A joint review of council tax single person discounts",
        "council": "ESK",
        "partners": ["BAB", "MSU", "IPS"],
        "themes": ["revenues-and-benefits", "finance-and-commercial", "data-and-standards"],
        "tags": ["council tax", "single person discount", "fraud and error"],
        "published": "2023-08-08",
        "updated": "2024-01-30",
        "summary": "Suffolk councils reviewed single person discounts together, checking "
                   "claims against credit reference and electoral data, and recovered "
                   "income while treating residents fairly.",
        "aims": "Review every single person discount in four councils once, with one "
                "supplier and one letter, and agree how to treat people who did not reply.",
        "phase": "live",
        "stance": "share_funding",
        "budget_band": "50k_250k",
        "started": "2023-02-01",
        "contact": ("Andrew Pryke", "Revenues manager", False),
        "updates": [
            ("2023-05-12", "ESK", "Data matching done",
             "11% of discounts flagged for review across four councils."),
            ("2024-01-30", "IPS", "Review complete",
             "£1.9 million of additional council tax billed across the four councils."),
        ],
    },
    {
        "slug": "highlands-and-islands-digital-framework",
        "title": "A shared framework for buying digital services in the north",
        "council": "HLD",
        "partners": ["ABD", "MRY", "AGB", "ZET", "ORK"],
        "themes": ["procurement", "data-and-standards", "workforce-and-skills"],
        "tags": ["shared procurement framework", "digital services", "small suppliers"],
        "published": "2026-02-03",
        "updated": "2026-09-15",
        "summary": "Councils in the north of Scotland are setting up one framework for "
                   "user research, design and development, open to small local suppliers, "
                   "so each council does not run its own tender.",
        "aims": "Tendering for a few days of user research can take three months. A shared "
                "framework with lots sized for small firms lets councils call off work "
                "quickly and keeps money in the region.",
        "phase": "discovery",
        "stance": "looking_for_partners",
        "budget_band": "over_1m",
        "started": "2025-11-17",
        "contact": ("Morven Grant", "Procurement lead", True),
        "updates": [
            ("2026-01-26", "HLD", "Demand gathered",
             "Five councils forecast £4 million of digital work over four years."),
            ("2026-05-12", "MRY", "Lots drafted",
             "Three lots drafted: user research, design, and development."),
            ("2026-09-15", "AGB", "Supplier day",
             "Forty suppliers attended, most with fewer than 20 staff."),
        ],
    },
    {
        "slug": "digital-planning-register",
        "title": "An open register of planning applications as data",
        "council": "OXO",
        "partners": ["CAB", "SCA", "VAL"],
        "themes": ["planning", "data-and-standards"],
        "tags": ["digital planning", "open data", "planning backlog"],
        "published": "2024-10-22",
        "updated": "2025-12-09",
        "summary": "Councils publish planning applications and decisions as open data in "
                   "a common format, so residents, developers and researchers stop "
                   "scraping four different planning portals.",
        "aims": "Publish the planning register daily in a common format, match it to "
                "national data specifications, and retire the screen-scraping that breaks "
                "whenever a portal is updated.",
        "phase": "beta",
        "stance": "open_to_conversation",
        "budget_band": "50k_250k",
        "started": "2024-05-07",
        "outputs": [
            ("code", "Planning register export", "Scheduled export to the common format."),
            ("data", "Planning applications, daily", "Open data feed for four councils."),
        ],
        "contact": ("Hannah Whitfield", "Digital planning lead", True),
        "updates": [
            ("2024-08-01", "OXO", "Format chosen",
             "We adopted the national planning application data specification."),
            ("2025-03-18", "CAB", "Daily feeds live",
             "Cambridge and South Cambridgeshire feeds are published every night."),
            ("2025-12-09", "VAL", "Vale of White Horse joins",
             "Fourth council live; a developer has built a map on the feed."),
        ],
    },
    {
        "slug": "antisocial-behaviour-case-sharing",
        "title": "One antisocial behaviour case record for councils, police and landlords",
        "council": "BRD",
        "partners": ["CLD", "WKF"],
        "themes": ["community-safety", "housing", "data-and-standards"],
        "tags": ["antisocial behaviour", "case management", "partnership working"],
        "published": "2025-09-30",
        "summary": "Victims of antisocial behaviour told their story to the council, the "
                   "police and their landlord separately. Three councils are piloting a "
                   "shared case record with West Yorkshire partners.",
        "aims": "Give victims one case, one lead officer and one plan, shared securely "
                "between councils, police and social landlords.",
        "phase": "alpha",
        "stance": "open_to_conversation",
        "budget_band": "50k_250k",
        "started": "2025-04-01",
        "contact": ("Nadia Hussain", "Community safety manager", False),
        "updates": [
            ("2025-06-10", "BRD", "Victims interviewed",
             "Twenty victims described telling their story up to seven times."),
            ("2025-09-23", "CLD", "Prototype tested",
             "Officers from three agencies tested the shared case record."),
        ],
    },
]
