"""Demo projects: shared work on waste, housing, revenues, schools transport and care."""

PROJECTS = [
    {
        "slug": "common-data-standard-for-bin-collection-events",
        "title": "A common data standard for bin collection events",
        "council": "LDS",
        "partners": ["BRD", "KIR", "YOR"],
        "themes": ["waste", "data-and-standards"],
        "tags": ["missed bins", "open standards", "in-cab technology"],
        "published": "2024-04-09",
        "updated": "2025-11-03",
        "reviewed": "2025-11-03",
        "summary": "Four Yorkshire councils are agreeing one way to record collections, "
                   "missed bins and crew exceptions, so that in-cab systems, websites and "
                   "contact centres can swap suppliers without losing history.",
        "aims": "Each in-cab supplier records a missed collection differently, so councils "
                "cannot compare performance or move supplier without rebuilding reports.\n\n"
                "- Agree a shared vocabulary of collection outcomes and exception reasons\n"
                "- Publish it as an open schema with examples\n"
                "- Ask suppliers to support it in their next release",
        "phase": "beta",
        "stance": "looking_for_partners",
        "budget_band": "10k_50k",
        "started": "2024-01-08",
        "outputs": [
            ("code", "Collection events schema", "JSON schema and example files."),
            ("document", "Exception reason vocabulary", "Definitions agreed by four councils."),
        ],
        "contact": ("Gareth Holroyd", "Waste operations manager", True),
        "updates": [
            ("2024-03-14", "LDS", "Discovery finished",
             "We compared exception codes from three suppliers and found 41 reasons that "
             "reduce to 9. Report shared with partners."),
            ("2024-07-02", "BRD", "First draft schema",
             "Bradford's data team drafted the schema and tested it against a month of "
             "real collection data."),
            ("2025-02-18", "KIR", "Supplier workshop",
             "Two in-cab suppliers agreed to trial exports in the draft format."),
            ("2025-11-03", "YOR", "Live trial in York",
             "York's bin day checker now reads the standard format. Looking for councils "
             "outside Yorkshire to test it."),
        ],
    },
    {
        "slug": "joint-procurement-of-temporary-accommodation",
        "title": "Buying temporary accommodation together instead of outbidding each other",
        "council": "CMD",
        "partners": ["HCK", "SWK", "NWM"],
        "themes": ["housing", "procurement", "finance-and-commercial"],
        "tags": ["temporary accommodation", "nightly rates", "homelessness"],
        "published": "2024-12-10",
        "updated": "2026-03-17",
        "summary": "Four London boroughs agreed common rates and a shared booking system "
                   "for nightly-paid temporary accommodation, to stop providers playing "
                   "councils off against each other.",
        "aims": "Boroughs competing for the same rooms push prices up. The project agrees "
                "maximum nightly rates, a shared quality standard and one booking system, "
                "and shares inspection reports between boroughs.",
        "phase": "alpha",
        "stance": "share_funding",
        "budget_band": "250k_1m",
        "started": "2024-09-02",
        "outputs": [
            ("document", "Shared temporary accommodation quality standard",
             "Room, kitchen and safety standards with inspection form."),
        ],
        "contact": ("Femi Adeyemi", "Temporary accommodation lead", True),
        "updates": [
            ("2025-01-20", "CMD", "Rates agreed",
             "Leaders signed the rate agreement for self-contained units."),
            ("2025-06-05", "SWK", "Shared inspections begin",
             "Southwark and Hackney now accept each other's inspection reports."),
            ("2026-03-17", "NWM", "Booking system in test",
             "The booking prototype is in test with two providers."),
        ],
    },
    {
        "slug": "shared-send-transport-route-planning",
        "title": "Sharing route planning for SEND transport across county borders",
        "council": "NFK",
        "partners": ["SFK", "CAM"],
        "themes": ["children-and-families", "highways-and-transport"],
        "tags": ["SEND transport", "route optimisation", "cross-border"],
        "published": "2025-03-04",
        "summary": "Children who attend special schools over a county boundary are carried "
                   "by separate contracts from each county. Three councils are planning "
                   "those journeys together.",
        "aims": "Plan cross-border school journeys for children with special educational "
                "needs jointly, share vehicles where it is safe, and agree one way of "
                "paying for them.",
        "phase": "discovery",
        "stance": "open_to_conversation",
        "budget_band": "10k_50k",
        "started": "2025-01-13",
        "contact": ("Robert Aldous", "Travel planning manager", False),
        "updates": [
            ("2025-02-10", "NFK", "Journeys mapped",
             "We found 214 children crossing the three county borders each day."),
            ("2025-05-22", "SFK", "Cost-sharing options",
             "Finance leads are comparing per-child and per-mile recharges."),
        ],
    },
    {
        "slug": "bilingual-council-tax-assistant-for-wales",
        "title": "A bilingual council tax assistant for Welsh councils",
        "council": "CRF",
        "partners": ["SWA", "RCT", "GWN"],
        "themes": ["revenues-and-benefits", "customer-contact"],
        "tags": ["chatbot", "council tax", "Welsh language"],
        "published": "2025-07-15",
        "updated": "2026-06-30",
        "summary": "Four Welsh councils are building one council tax assistant that answers "
                   "in Welsh and English, with each council's own rules plugged in.",
        "aims": "Most council tax questions are the same everywhere in Wales. Instead of "
                "four councils buying four chatbots, we are building one with shared "
                "Welsh-language content and a handover to each council's advisers.",
        "phase": "beta",
        "stance": "looking_for_partners",
        "budget_band": "50k_250k",
        "started": "2025-03-03",
        "outputs": [
            ("code", "Council tax assistant knowledge base", "Bilingual question bank."),
        ],
        "contact": ("Rhys Llewellyn", "Head of customer services", True),
        "updates": [
            ("2025-04-28", "CRF", "Questions pooled",
             "We pooled a year of call reasons: 80% of council tax calls fall under 25 "
             "questions."),
            ("2025-09-09", "GWN", "Welsh content tested",
             "First-language speakers tested the answers; we rewrote a third of them."),
            ("2026-01-19", "SWA", "Swansea live in beta",
             "The assistant is live on Swansea's site, with 58% of chats resolved."),
            ("2026-06-30", "RCT", "Rhondda Cynon Taf joins beta",
             "Second council live. The assistant now covers single person discounts."),
        ],
    },
    {
        "slug": "adult-social-care-waiting-list-toolkit",
        "title": "A shared toolkit for managing social care waiting lists",
        "council": "DER",
        "partners": ["NGM", "LCE"],
        "themes": ["adult-social-care", "data-and-standards"],
        "tags": ["waiting lists", "dashboards", "triage"],
        "published": "2024-02-27",
        "updated": "2025-01-14",
        "summary": "Three East Midlands councils are pooling their waiting list "
                   "dashboards, risk scripts and reporting definitions so that people "
                   "waiting for care are counted and prioritised the same way.",
        "aims": "Waiting lists for assessments and reviews are counted differently by "
                "each council, so comparisons mislead. We are agreeing definitions and "
                "building a shared dashboard template.",
        "phase": "live",
        "stance": "share_ideas",
        "budget_band": "under_10k",
        "started": "2023-10-02",
        "outputs": [
            ("document", "Waiting list definitions", "What counts as waiting, and from when."),
            ("code", "Dashboard template", "Report template for common case systems."),
        ],
        "contact": ("Paul Gregory", "Principal occupational therapist", True),
        "updates": [
            ("2023-12-12", "DER", "Definitions agreed",
             "We agreed when the clock starts and stops for five kinds of wait."),
            ("2024-06-18", "LCE", "Dashboard shared",
             "Leicester built the dashboard template; Nottingham is testing it."),
            ("2025-01-14", "NGM", "In use in all three councils",
             "All three councils now report waits the same way each month."),
        ],
    },
    {
        "slug": "homelessness-prevention-data-sharing",
        "title": "Sharing data to prevent homelessness across Greater Manchester",
        "council": "MAN",
        "partners": ["SLF", "OLD", "TAM"],
        "themes": ["housing", "data-and-standards", "public-health"],
        "tags": ["homelessness prevention", "data sharing", "early intervention"],
        "published": "2025-05-06",
        "updated": "2026-02-24",
        "summary": "Councils, housing associations and the NHS are agreeing what they can "
                   "lawfully share to find households at risk of homelessness earlier, "
                   "building on one council's risk list.",
        "aims": "Households often move between boroughs before they become homeless, and "
                "early warning signs sit with different organisations. We want one "
                "agreement, one set of warning signs and a route to a prevention officer.",
        "phase": "alpha",
        "stance": "open_to_conversation",
        "budget_band": "50k_250k",
        "started": "2025-01-06",
        "outputs": [
            ("document", "Information sharing agreement for homelessness prevention",
             "Draft agreement for councils, housing associations and NHS partners."),
        ],
        "contact": ("Joseph Mensah", "Strategic lead, homelessness", False),
        "updates": [
            ("2025-03-31", "MAN", "Agreement drafted",
             "Legal teams in four councils reviewed the draft agreement."),
            ("2025-09-15", "SLF", "Warning signs chosen",
             "Seven warning signs chosen, including rent arrears and hospital discharge."),
            ("2026-02-24", "OLD", "First referrals",
             "Oldham's prevention team received the first 60 referrals from the pilot."),
        ],
    },
    {
        "slug": "damp-and-mould-sensor-evaluation",
        "title": "Evaluating damp and mould sensors across three landlords",
        "council": "NET",
        "partners": ["STY", "SND"],
        "themes": ["housing", "public-health", "climate"],
        "tags": ["damp and mould", "sensors", "evaluation"],
        "published": "2024-09-03",
        "summary": "Three councils with different sensor suppliers are evaluating together "
                   "whether sensors reduce damp and mould, and what tenants think of them.",
        "aims": "Sensor suppliers make strong claims. We want an independent evaluation, "
                "using the same measures in each council, before anyone buys at scale.",
        "phase": "beta",
        "stance": "share_ideas",
        "budget_band": "50k_250k",
        "started": "2024-04-15",
        "contact": ("Katie Robson", "Housing strategy officer", True),
        "updates": [
            ("2024-07-29", "NET", "Evaluation design",
             "University partner agreed the measures: complaints, repairs and tenant "
             "survey."),
            ("2025-04-11", "STY", "Six-month findings",
             "Early results show faster responses but no change yet in complaints."),
        ],
    },
    {
        "slug": "missed-bin-reduction-network-scotland",
        "title": "A network of Scottish councils tackling missed collections",
        "council": "EDH",
        "partners": ["FIF", "DND", "GLG"],
        "themes": ["waste", "customer-contact"],
        "tags": ["missed bins", "benchmarking", "route changes"],
        "published": "2026-01-13",
        "summary": "City and county councils in Scotland compare missed collection rates "
                   "each quarter and try each other's fixes, from crew photos to reminder "
                   "texts.",
        "aims": "Missed collections are one of the top reasons residents contact us. The "
                "network agrees a common measure, shares what has worked and tries it "
                "elsewhere.",
        "phase": "discovery",
        "stance": "looking_for_partners",
        "budget_band": "none",
        "started": "2025-10-06",
        "contact": ("Callum Fraser", "Waste services manager", True),
    },
    {
        "slug": "regional-cyber-incident-playbook",
        "title": "A shared cyber incident playbook for Scottish councils",
        "council": "FIF",
        "partners": ["DND", "ORK", "HLD"],
        "themes": ["cyber-security", "workforce-and-skills"],
        "tags": ["incident response", "ransomware", "mutual aid"],
        "published": "2023-10-24",
        "updated": "2024-09-10",
        "summary": "Councils are writing one incident response playbook, with mutual aid "
                   "agreements so that staff from one council can help another recover "
                   "after a cyber attack.",
        "aims": "Small councils cannot keep incident responders on staff. A shared "
                "playbook, a rota of trained staff and pre-agreed mutual aid mean help "
                "arrives in hours, not weeks.",
        "phase": "live",
        "stance": "share_ideas",
        "budget_band": "10k_50k",
        "started": "2023-03-01",
        "outputs": [
            ("document", "Cyber incident playbook", "Roles, first 72 hours, communications."),
            ("document", "Mutual aid agreement template", "For staff lent between councils."),
        ],
        "contact": ("Iain Sinclair", "Information security manager", False),
        "updates": [
            ("2023-06-14", "FIF", "Playbook drafted", "First draft tested in a table-top."),
            ("2023-11-30", "ORK", "Island resilience chapter",
             "Orkney wrote guidance for councils with limited connections to the mainland."),
            ("2024-09-10", "HLD", "Mutual aid signed",
             "Four councils signed the mutual aid agreement."),
        ],
    },
]
