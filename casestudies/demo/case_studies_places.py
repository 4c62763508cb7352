"""Demo case studies: climate, roads, planning, democracy, health, economy and money."""

CASE_STUDIES = [
    {
        "slug": "rural-ev-charge-points-in-village-car-parks",
        "title": "Electric vehicle charge points in village car parks",
        "council": "CON",
        "themes": ["climate", "highways-and-transport"],
        "tags": ["EV charging", "rural", "net zero"],
        "published": "2024-05-21",
        "reviewed": "2026-02-09",
        "summary": "Commercial operators would not install chargers in small villages. We "
                   "used government funding and our own car parks to put 120 charge points "
                   "where the market would not, with an operator running them.",
        "problem": "Residents without driveways in rural areas had nowhere to charge, and "
                   "operators focused on towns and the main roads. Parish councils kept "
                   "asking us when chargers would arrive.",
        "what_we_did": "We surveyed parishes to choose sites, bundled small car parks with "
                       "larger, profitable ones into one concession, and let a 15-year "
                       "contract with revenue sharing.",
        "outcomes": [
            ("Public charge points in settlements under 3,000 people", 120, "charge points",
             14, "2023"),
            ("Average utilisation after a year", 11, "%", None, "2024/25"),
        ],
        "cost_band": "over_1m",
        "cost_detail": "Local electric vehicle infrastructure funding plus operator "
                       "investment; council costs were officer time and legal fees.",
        "do_differently": "Ask the distribution network operator about grid capacity before "
                          "promising a site to a parish.",
        "outputs": [
            ("document", "Charge point concession contract summary",
             "Key terms, revenue share and service levels."),
            ("data", "Charge point site assessment scores", "Scoring for 240 car parks."),
        ],
        "started": "2022-10-01",
        "finished": "2024-03-31",
        "contact": ("Tamsin Trevithick", "Low carbon transport officer", True),
    },
    {
        "slug": "on-street-charging-for-terraced-streets",
        "title": "Charging for streets of terraced houses without driveways",
        "council": "ABD",
        "themes": ["climate", "highways-and-transport", "procurement"],
        "tags": ["EV charging", "on-street parking", "net zero"],
        "published": "2025-06-24",
        "summary": "Lamp-post and pavement chargers in towns with dense terraced housing, "
                   "procured through a national framework, give residents without off-street "
                   "parking a way to charge overnight.",
        "problem": "In our towns, most older homes have no driveway. Residents trailed "
                   "cables across pavements, creating trip hazards and complaints.",
        "what_we_did": "We asked residents to request a charger near their home, grouped "
                       "requests into streets, and used a framework to buy chargers fitted "
                       "to existing lamp columns where the column was sound.",
        "outcomes": [
            ("On-street charge points installed", 64, "charge points", 0, "2024/25"),
            ("Complaints about cables across pavements", 7, "complaints", 38, "2024/25"),
        ],
        "cost_band": "250k_1m",
        "outputs": [
            ("service_pattern", "Resident request map for charge points",
             "How requests were collected and grouped."),
        ],
        "started": "2024-01-15",
        "finished": "2025-04-30",
        "contact": ("Graeme Duthie", "Sustainable transport team leader", False),
    },
    {
        "slug": "pothole-reports-repaired-first-time",
        "title": "Pothole reports that lead to a permanent repair",
        "council": "GLS",
        "themes": ["highways-and-transport", "customer-contact"],
        "tags": ["potholes", "highways maintenance", "right first time"],
        "published": "2023-02-07",
        "summary": "Residents' photos and a better inspection guide mean crews arrive "
                   "with the right kit for a permanent repair, instead of patching the same "
                   "hole three times.",
        "problem": "One in three potholes we filled failed within six months. Reports "
                   "lacked size and depth, so crews brought cold-lay patches to everything.",
        "what_we_did": "We added photo upload and a simple size guide to the report form, "
                       "retrained inspectors, and moved to planned patching of whole road "
                       "sections where several defects cluster.",
        "outcomes": [
            ("Repairs failing within six months", 12, "%", 34, "2022/23"),
            ("Pothole reports that included a photo", 81, "%", 0, "2022/23"),
        ],
        "cost_band": "50k_250k",
        "outputs": [
            ("document", "Pothole repair decision guide",
             "Which repair to use, by size, depth and road type."),
        ],
        "started": "2021-09-01",
        "finished": "2022-12-31",
        "contact": ("Mark Evesham", "Highways asset manager", True),
    },
    {
        "slug": "social-value-measured-in-contracts",
        "title": "Measuring the social value suppliers promised",
        "council": "PLY",
        "partners": ["TOB"],
        "themes": ["procurement", "economic-development"],
        "tags": ["social value", "contract management", "local suppliers"],
        "published": "2023-08-29",
        "reviewed": "2025-09-01",
        "summary": "Suppliers promised apprenticeships and local spending in their bids, "
                   "but nobody checked. A simple quarterly return and named contract "
                   "managers now track delivery, and more of it happens.",
        "problem": "Social value counted for 10% of tender scores, yet after award nobody "
                   "asked suppliers for evidence. Councillors asked how many apprenticeships "
                   "our contracts had created, and we could not say.",
        "what_we_did": "We cut the menu of social value measures to twelve, built a "
                       "quarterly return into contract terms, and reported delivery against "
                       "promises to the audit committee."
                       "\n\nTorbay adopted the same measures so that shared suppliers report "
                       "once.",
        "outcomes": [
            ("Promised social value commitments delivered", 77, "%", None, "2022/23"),
            ("Council spend with local small businesses", 41, "%", 33, "2021/22"),
        ],
        "cost_band": "under_10k",
        "outputs": [
            ("document", "Twelve social value measures", "Definitions and evidence asked for."),
            ("document", "Quarterly supplier return template", "Spreadsheet template."),
        ],
        "started": "2022-01-10",
        "finished": "2023-06-30",
        "contact": ("Rachel Penrose", "Strategic procurement manager", True),
    },
    {
        "slug": "clearing-a-planning-validation-backlog",
        "title": "Clearing a backlog of planning applications waiting for validation",
        "council": "YOR",
        "themes": ["planning", "workforce-and-skills"],
        "tags": ["planning backlog", "validation", "development management"],
        "published": "2024-08-13",
        "summary": "Applications waited up to eight weeks just to be validated. Fixing the "
                   "validation checklist and the most common applicant mistakes cleared the "
                   "backlog before any new planners started.",
        "problem": "Two thirds of applications arrived invalid, mostly for the same few "
                   "reasons. Each was checked, returned and rechecked, and officers spent "
                   "their time on paperwork rather than decisions.",
        "what_we_did": "We rewrote the local validation checklist in plain English, added "
                       "checks to the online submission, and ran sessions for the agents who "
                       "submit most applications.",
        "outcomes": [
            ("Applications valid on first submission", 61, "%", 34, "2023/24"),
            ("Median days to validate", 6, "days", 39, "2023/24"),
        ],
        "cost_band": "under_10k",
        "do_differently": "Talk to agents first; they knew exactly which requirements were "
                          "confusing.",
        "outputs": [
            ("document", "Plain English validation checklist",
             "Local validation requirements, rewritten."),
        ],
        "started": "2023-09-01",
        "finished": "2024-05-31",
        "contact": ("Sarah Lockwood", "Development management manager", False),
    },
    {
        "slug": "map-based-consultation-on-the-local-plan",
        "title": "A map-based consultation on the local plan",
        "council": "MON",
        "themes": ["planning", "democracy", "digital-inclusion"],
        "tags": ["local plan", "consultation", "engagement", "Welsh language"],
        "published": "2023-06-20",
        "summary": "Instead of a 400-page document, residents commented on proposed sites "
                   "on a map, in Welsh or English. Far more people took part, including "
                   "younger residents who had never responded before.",
        "problem": "Previous consultations on the development plan drew a few hundred "
                   "responses, mostly from the same groups and almost none from under-35s.",
        "what_we_did": "We put every candidate site on an interactive map with a short "
                       "summary, held drop-in sessions with tablets in libraries and markets, "
                       "and kept paper forms for those who wanted them.",
        "outcomes": [
            ("Responses to the consultation", 3400, "responses", 560, "previous plan"),
            ("Respondents under 35", 22, "%", 4, "previous plan"),
        ],
        "cost_band": "10k_50k",
        "outputs": [
            ("code", "Consultation map configuration", "Layers and comment form."),
        ],
        "started": "2022-11-01",
        "finished": "2023-04-28",
        "contact": ("Huw Jenkins", "Planning policy manager", True),
    },
    {
        "slug": "polling-station-accessibility-audit",
        "title": "Checking every polling station for accessibility",
        "council": "MIK",
        "partners": ["BDF"],
        "themes": ["democracy", "data-and-standards"],
        "tags": ["elections", "accessibility", "polling stations"],
        "published": "2025-10-14",
        "summary": "Volunteers with lived experience of disability audited each polling "
                   "station with a common checklist. The results are published as open "
                   "data and shaped the changes we made before the election.",
        "problem": "Complaints from disabled voters were rising, and our review of polling "
                   "places relied on site visits years apart by staff with no accessibility "
                   "training.",
        "what_we_did": "We trained volunteers from local disability groups, audited 112 "
                       "stations, moved three and bought ramps, seating and magnifiers. The "
                       "audit is published so candidates and residents can see it."
                       "\n\nBedford's electoral services team used the same checklist, so "
                       "volunteers could audit in both areas.",
        "outcomes": [
            ("Polling stations with step-free access", 108, "stations", 93, "2024"),
            ("Accessibility complaints on polling day", 4, "complaints", 19, "2024"),
        ],
        "cost_band": "under_10k",
        "outputs": [
            ("data", "Polling station accessibility audit", "Open data, one row a station."),
            ("document", "Polling station audit checklist", "Based on guidance for voters."),
        ],
        "started": "2025-01-06",
        "finished": "2025-06-30",
        "contact": ("Naomi Achebe", "Electoral services manager", True),
    },
    {
        "slug": "participatory-budgeting-for-neighbourhood-grants",
        "title": "Letting residents vote on neighbourhood grants",
        "council": "BFS",
        "themes": ["democracy", "finance-and-commercial", "economic-development"],
        "tags": ["participatory budgeting", "community grants", "engagement"],
        "published": "2024-10-01",
        "summary": "Residents of four areas voted on how to spend £400,000 of community "
                   "grants. Turnout was high, new groups applied, and funded projects "
                   "reported back at the next round.",
        "problem": "Grant decisions were made by officers and a panel, and the same "
                   "established groups won most of the money. People in the areas did not "
                   "know grants existed.",
        "what_we_did": "Community development officers helped new groups prepare bids, "
                       "residents voted online and at market stalls, and each funded group "
                       "presented its results publicly.",
        "outcomes": [
            ("Residents who voted", 6900, "people", None, "2023/24"),
            ("Grants to groups never funded before", 46, "%", 12, "2022/23"),
        ],
        "cost_band": "50k_250k",
        "cost_detail": "Grant pot of £400,000 plus £30,000 for engagement and voting.",
        "outputs": [
            ("service_pattern", "Participatory budgeting round plan",
             "Stages, timings and rules for voting."),
        ],
        "started": "2023-05-01",
        "finished": "2024-06-30",
        "contact": ("Sinead O'Hare", "Community development manager", True),
    },
    {
        "slug": "stop-smoking-service-through-pharmacies",
        "title": "Moving stop smoking support into community pharmacies",
        "council": "SND",
        "partners": ["STY", "GAT"],
        "themes": ["public-health", "procurement"],
        "tags": ["stop smoking", "pharmacies", "health inequalities"],
        "published": "2023-01-24",
        "summary": "A stop smoking service based in a few clinics reached few people in "
                   "our most deprived wards. Commissioning pharmacies to deliver it, with "
                   "vouchers for vapes, doubled the number who quit.",
        "problem": "Smoking rates in our most deprived wards were double the national "
                   "average, but clinic appointments were in the city centre during office "
                   "hours.",
        "what_we_did": "We commissioned 38 pharmacies, trained their staff, and offered "
                       "free vapes or nicotine replacement with weekly carbon monoxide "
                       "checks and support."
                       "\n\nSouth Tyneside and Gateshead commissioned the same specification, so "
                       "pharmacies near our borders work to one contract.",
        "outcomes": [
            ("Four-week quits", 1380, "people", 640, "2021/22"),
            ("Quitters living in the most deprived fifth of areas", 58, "%", 31, "2021/22"),
        ],
        "cost_band": "250k_1m",
        "cost_detail": "Public health grant.",
        "outputs": [
            ("document", "Pharmacy stop smoking service specification",
             "Service specification and payment schedule."),
        ],
        "started": "2021-04-01",
        "finished": "2022-09-30",
        "contact": ("Lindsay Carr", "Public health specialist", False),
    },
    {
        "slug": "warm-spaces-in-libraries-and-community-buildings",
        "title": "Warm welcome spaces in libraries and community buildings",
        "council": "STE",
        "themes": ["public-health", "libraries-and-culture", "climate"],
        "tags": ["warm spaces", "cost of living", "libraries"],
        "published": "2023-04-04",
        "summary": "During the winter of high energy bills, 46 warm welcome spaces offered "
                   "heat, a hot drink, company and advice on bills. Visitors found help "
                   "with debts and benefits they would not otherwise have asked for.",
        "problem": "Energy price rises left many households choosing between heating and "
                   "eating. Older residents and families on low incomes told advice "
                   "services they were staying in bed to keep warm.",
        "what_we_did": "Libraries, churches and community centres opened as warm spaces "
                       "under one name, with small grants and advisers visiting on a rota. "
                       "A map on the website listed opening times.",
        "outcomes": [
            ("Visits to warm spaces", 41000, "visits", None, "Winter 2022/23"),
            ("Referrals for energy and debt advice", 1150, "referrals", None,
             "Winter 2022/23"),
        ],
        "cost_band": "50k_250k",
        "outputs": [
            ("service_pattern", "Warm welcome space standards",
             "What each space promises to visitors."),
        ],
        "started": "2022-10-01",
        "finished": "2023-03-31",
        "contact": ("Jasmine Patel", "Libraries and communities manager", True),
    },
    {
        "slug": "empty-shop-meanwhile-uses",
        "title": "Filling empty shops with meanwhile uses",
        "council": "ABC",
        "themes": ["economic-development", "planning"],
        "tags": ["high streets", "vacant units", "meanwhile use"],
        "published": "2025-08-05",
        "reviewed": "2026-05-18",
        "summary": "A register of vacant units and a standard short lease helped "
                   "landlords let empty shops to artists, start-ups and community groups, "
                   "and several became permanent tenants.",
        "problem": "One shop in five was empty in two of our town centres. Landlords held "
                   "out for long leases and start-ups could not commit to them.",
        "what_we_did": "We surveyed every unit, contacted owners, offered a standard "
                       "six-month licence drafted by our solicitors and a small grant for "
                       "fit-out, and promoted vacant units online.",
        "outcomes": [
            ("Vacancy rate in the two town centres", 13, "%", 21, "2024"),
            ("Meanwhile tenants who signed a full lease", 9, "businesses", None, "2025"),
        ],
        "cost_band": "50k_250k",
        "outputs": [
            ("document", "Standard meanwhile use licence", "Six-month licence template."),
            ("data", "Town centre vacancy survey", "Unit-level survey data."),
        ],
        "started": "2024-04-01",
        "finished": "2025-05-31",
        "contact": ("Declan Murray", "Town centre development officer", True),
    },
]
