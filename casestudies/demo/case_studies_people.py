"""Demo case studies: revenues, customer contact, care, schools transport and inclusion."""

CASE_STUDIES = [
    {
        "slug": "council-tax-chatbot-answers-out-of-hours",
        "title": "A council tax chatbot that hands over to a person when it should",
        "council": "SHF",
        "themes": ["revenues-and-benefits", "customer-contact"],
        "tags": ["chatbot", "council tax", "channel shift"],
        "published": "2023-09-12",
        "reviewed": "2024-11-04",
        "summary": "A web chatbot now answers the twenty most common council tax questions, "
                   "day and night, and passes people to an adviser with the conversation "
                   "attached when it cannot help or when someone mentions hardship.",
        "problem": "Council tax calls peaked every March and after each reminder run, with "
                   "waits of over 40 minutes. Most calls were simple: a balance, a direct "
                   "debit date, moving house.",
        "what_we_did": "We wrote answers with the revenues team, trained the bot on a year "
                       "of call reasons and tested it with residents in the central library. "
                       "Words such as 'bailiff', 'can't pay' or 'bereavement' go straight to "
                       "a person.",
        "outcomes": [
            ("Council tax calls in March", 21000, "calls", 33500, "March 2023"),
            ("Chat conversations resolved without an adviser", 64, "%", None, "2023/24"),
            ("Average wait on the phone in March", 9, "minutes", 41, "March 2023"),
        ],
        "cost_band": "50k_250k",
        "cost_detail": "Licence £38,000 a year plus set-up; revenues staff time to write "
                       "content.",
        "do_differently": "Give one person in revenues ownership of the answers. Content "
                          "went stale within weeks of the annual bill run.",
        "outputs": [
            ("document", "Chatbot escalation words and phrases",
             "The list that sends a chat to a person, and why."),
        ],
        "started": "2022-10-03",
        "finished": "2023-06-30",
        "contact": ("Joanne Whitaker", "Customer experience manager", True),
    },
    {
        "slug": "bilingual-council-tax-online-account",
        "title": "A bilingual council tax account residents actually use",
        "council": "GWN",
        "themes": ["revenues-and-benefits", "customer-contact", "digital-inclusion"],
        "tags": ["council tax", "Welsh language", "online accounts"],
        "published": "2024-11-19",
        "summary": "We rebuilt the council tax online account in Welsh and English together, "
                   "rather than translating at the end. Sign-ups doubled and Welsh-language "
                   "use rose from almost nothing.",
        "problem": "Our old account was English first, with a Welsh version that lagged "
                   "behind and used stiff, formal language. Few people used either, and "
                   "calls about bills stayed high.",
        "what_we_did": "Content designers wrote both languages side by side, tested with "
                       "first-language Welsh speakers, and replaced letters for discounts and "
                       "direct debit changes with online forms.",
        "outcomes": [
            ("Households with an online account", 24500, "households", 11800, "2023/24"),
            ("Account sessions in Welsh", 19, "%", 2, "2023/24"),
        ],
        "cost_band": "50k_250k",
        "outputs": [
            ("service_pattern", "Writing Welsh and English content together",
             "How our content designers pair on bilingual pages."),
        ],
        "started": "2023-06-01",
        "finished": "2024-09-30",
        "contact": ("Elin Roberts", "Digital services manager", True),
    },
    {
        "slug": "home-to-school-transport-route-optimisation",
        "title": "Re-planning home to school transport for children with SEND",
        "council": "KEN",
        "partners": ["MDW"],
        "themes": ["children-and-families", "highways-and-transport", "procurement"],
        "tags": ["SEND transport", "route optimisation", "passenger assistants"],
        "published": "2024-01-16",
        "reviewed": "2025-06-02",
        "summary": "Route-planning software and a review with families let us share more "
                   "journeys safely, re-tender routes in bundles and bring spending on "
                   "special educational needs transport back within budget.",
        "problem": "Spending on transport for children with special educational needs and "
                   "disabilities had risen by a third in three years. Most routes carried "
                   "a single child in a taxi, agreed one at a time as plans were made.",
        "what_we_did": "We modelled every route with optimisation software, then checked "
                       "each proposed shared journey with families and schools before "
                       "changing anything. Routes were re-tendered in bundles, and we offered "
                       "personal travel budgets where families preferred them."
                       "\n\nMedway shared the route modelling for pupils crossing our boundary.",
        "outcomes": [
            ("Average cost per pupil per year", 7900, "£", 9600, "2022/23"),
            ("Single-occupancy taxi routes", 1150, "routes", 1840, "2022/23"),
            ("Complaints about transport arrangements", 64, "complaints", 58, "2023/24"),
        ],
        "cost_band": "250k_1m",
        "cost_detail": "Software licence, a project team of five for a year, and "
                       "independent travel training.",
        "do_differently": "Start the family conversations a term earlier; the busiest "
                          "weeks of September are the wrong time to change a child's "
                          "journey.",
        "outputs": [
            ("document", "Shared route safety checklist",
             "What we check before two children share a vehicle."),
            ("research", "Family interviews on school transport", "42 interviews."),
        ],
        "started": "2022-09-01",
        "finished": "2023-12-15",
        "contact": ("Claire Fenton", "Head of fair access and transport", False),
    },
    {
        "slug": "school-transport-for-remote-communities",
        "title": "School transport in remote glens without a taxi for every child",
        "council": "HLD",
        "themes": ["children-and-families", "highways-and-transport", "finance-and-commercial"],
        "tags": ["school transport", "rural", "SEND transport", "community transport"],
        "published": "2025-05-13",
        "summary": "Pupils in remote areas, including many with additional support needs, "
                   "travel long distances. Combining school runs with community transport "
                   "and local bus services cut costs and kept journey times down.",
        "problem": "We run over 1,000 school transport contracts across a huge area. Some "
                   "single-pupil routes cost more than £30,000 a year, and operators were "
                   "handing back contracts they could not staff.",
        "what_we_did": "We mapped contracts against bus and community transport routes and "
                       "let contracts that combine school, health and community trips. "
                       "Additional support needs officers joined every route review.",
        "outcomes": [
            ("Contracts handed back by operators", 6, "contracts", 23, "2023/24"),
            ("Annual cost of school transport", 18.9, "£ million", 20.4, "2024/25"),
        ],
        "cost_band": "50k_250k",
        "outputs": [
            ("service_pattern", "Combined school and community transport contract",
             "Contract terms for mixed-use routes."),
        ],
        "started": "2023-08-01",
        "finished": "2025-03-31",
        "contact": ("Alasdair Munro", "Transport planning manager", True),
    },
    {
        "slug": "clearing-the-social-care-assessment-waiting-list",
        "title": "Clearing the adult social care assessment waiting list",
        "council": "NFK",
        "themes": ["adult-social-care", "data-and-standards"],
        "tags": ["waiting lists", "care act assessments", "triage"],
        "published": "2023-12-05",
        "reviewed": "2025-02-24",
        "summary": "Over 2,000 people were waiting for a care needs assessment. Calling "
                   "everyone, offering proportionate assessments and a live waiting list "
                   "dashboard brought the list under 400 within a year.",
        "problem": "People waited up to six months for an assessment. We did not know who "
                   "on the list was at risk, who had already found help elsewhere, or who "
                   "had died.",
        "what_we_did": "A temporary team called everyone on the list using a short risk "
                       "script. People with straightforward needs were offered equipment or "
                       "short-term support straight away, and a dashboard shows the list by "
                       "risk and locality every morning.",
        "outcomes": [
            ("People waiting for an assessment", 380, "people", 2150, "April 2023"),
            ("Median wait for an assessment", 19, "days", 97, "2022/23"),
        ],
        "cost_band": "250k_1m",
        "cost_detail": "Temporary social work and occupational therapy staff, mostly "
                       "funded by the market sustainability grant.",
        "outputs": [
            ("document", "Waiting list risk call script",
             "Questions to prioritise people waiting for assessment."),
            ("code", "Waiting list dashboard", "Report definitions for a common case system."),
        ],
        "started": "2022-11-01",
        "finished": "2023-10-31",
        "contact": ("Nicola Barnes", "Assistant director, adult social care", True),
    },
    {
        "slug": "trusted-assessors-for-home-adaptations",
        "title": "Trusted assessors for equipment and minor adaptations",
        "council": "DER",
        "themes": ["adult-social-care", "workforce-and-skills"],
        "tags": ["waiting lists", "occupational therapy", "trusted assessors"],
        "published": "2024-07-09",
        "summary": "Occupational therapists were assessing for grab rails and bath boards. "
                   "Training care staff and housing officers as trusted assessors freed the "
                   "therapists for complex cases and halved waits for simple equipment.",
        "problem": "Our occupational therapy waiting list was over 700 people, and half of "
                   "them needed only simple equipment. Therapist vacancies meant the list "
                   "kept growing.",
        "what_we_did": "We trained 45 staff in care, housing and the equipment service to a "
                       "recognised trusted assessor standard, with therapists reviewing a "
                       "sample of their decisions each month.",
        "outcomes": [
            ("People waiting for occupational therapy", 290, "people", 720, "2023/24"),
            ("Wait for simple equipment", 12, "days", 58, "2023/24"),
        ],
        "cost_band": "10k_50k",
        "do_differently": "Agree the audit sample size with therapists at the start; it "
                          "caused friction later.",
        "outputs": [
            ("document", "Trusted assessor competency framework",
             "Adapted for council and housing staff."),
        ],
        "started": "2023-04-01",
        "finished": "2024-04-30",
        "contact": ("Paul Gregory", "Principal occupational therapist", False),
    },
    {
        "slug": "ransomware-exercise-and-offline-backups",
        "title": "What a day-long ransomware exercise taught our leadership team",
        "council": "CBD",
        "partners": ["WAF"],
        "themes": ["cyber-security", "workforce-and-skills"],
        "tags": ["ransomware", "business continuity", "backups", "incident response"],
        "published": "2024-03-26",
        "summary": "A new unitary council inherited three IT estates. A full-day exercise "
                   "simulating a ransomware attack showed which services could not run on "
                   "paper and led us to build immutable backups and tested recovery plans.",
        "problem": "We had three sets of systems, three backup regimes and business "
                   "continuity plans that assumed the network would be available. No "
                   "director had practised an incident.",
        "what_we_did": "With the regional cyber team we ran an exercise for directors and "
                       "service leads, then invested in immutable backups, restored our "
                       "ten most critical systems in test, and wrote one-page paper "
                       "fallbacks for social care, payments and the contact centre."
                       "\n\nWestmorland and Furness, which still shares some inherited systems "
                       "with us, took part throughout.",
        "outcomes": [
            ("Critical systems with a tested restore", 10, "systems", 2, "2023"),
            ("Time to restore the social care case system in test", 19, "hours", None,
             "January 2024"),
        ],
        "cost_band": "250k_1m",
        "cost_detail": "Backup infrastructure and a recovery partner; the exercise itself "
                       "was free through the regional team.",
        "outputs": [
            ("document", "Paper fallback templates",
             "One-page templates for three critical services."),
            ("service_pattern", "Ransomware exercise scenario", "Injects and timings."),
        ],
        "started": "2023-04-01",
        "finished": "2024-02-29",
        "contact": ("David Armstrong", "Head of IT security", False),
    },
    {
        "slug": "email-security-dmarc-enforcement",
        "title": "Stopping criminals sending email as the council",
        "council": "MUL",
        "partners": ["FMO"],
        "themes": ["cyber-security", "data-and-standards"],
        "tags": ["email security", "DMARC", "phishing"],
        "published": "2025-02-11",
        "summary": "Fraudsters were sending invoices that appeared to come from our domain. "
                   "Moving to an enforced DMARC policy over four months stopped the spoofing "
                   "without losing legitimate mail.",
        "problem": "Suppliers received fake emails using our domain asking them to change "
                   "bank details. Several systems sent mail on our behalf and nobody had a "
                   "complete list.",
        "what_we_did": "We used DMARC reports to find every legitimate sender, fixed each "
                       "one, and moved the policy from monitoring to quarantine and then "
                       "reject, with suppliers warned at each stage."
                       "\n\nFermanagh and Omagh followed the same plan a month behind us and "
                       "shared supplier lists.",
        "outcomes": [
            ("Spoofed messages delivered to suppliers", 0, "messages", 120, "per month"),
            ("Legitimate sending services identified", 17, "services", 5, "2024"),
        ],
        "cost_band": "none",
        "cost_detail": "Staff time only, using free reporting tools.",
        "outputs": [
            ("document", "DMARC rollout checklist", "Stages, checks and supplier messages."),
        ],
        "started": "2024-06-01",
        "finished": "2024-10-31",
        "contact": ("Aoife Quinn", "ICT infrastructure lead", True),
    },
    {
        "slug": "library-laptop-and-tablet-lending",
        "title": "Lending laptops and tablets from every library",
        "council": "SWA",
        "partners": ["NTL"],
        "themes": ["digital-inclusion", "libraries-and-culture"],
        "tags": ["device lending", "libraries", "digital skills"],
        "published": "2023-04-18",
        "reviewed": "2024-10-07",
        "summary": "Residents can borrow a laptop or tablet with mobile data for up to "
                   "three months, like a book. Library staff and volunteers help borrowers "
                   "get online, and most go on to use services on their own.",
        "problem": "Around one in ten adults in parts of the city had no device at home. "
                   "They could not apply for jobs, book appointments or manage universal "
                   "credit, and depended on public computers with short time slots.",
        "what_we_did": "We bought 300 refurbished devices, set them to wipe automatically "
                       "when returned, and put them on the library catalogue. Digital "
                       "champions run weekly drop-ins for borrowers."
                       "\n\nNeath Port Talbot libraries lend from the same pool of devices.",
        "outcomes": [
            ("Loans of devices", 1460, "loans", 0, "First 18 months"),
            ("Borrowers who said they could now do more online alone", 74, "%", None,
             "Survey, 2024"),
        ],
        "cost_band": "50k_250k",
        "cost_detail": "Devices from a refurbisher, data SIMs from a national databank, "
                       "and a coordinator post.",
        "outputs": [
            ("service_pattern", "Device lending through the library catalogue",
             "Loan terms, wiping process and catalogue set-up."),
        ],
        "started": "2022-05-01",
        "finished": "2023-02-28",
        "contact": ("Owain Davies", "Libraries and digital inclusion manager", True),
    },
    {
        "slug": "tablets-with-data-for-people-leaving-hospital",
        "title": "Tablets with data for older people living alone",
        "council": "DND",
        "themes": ["digital-inclusion", "adult-social-care", "libraries-and-culture"],
        "tags": ["device lending", "loneliness", "connectivity"],
        "published": "2025-09-16",
        "summary": "A lending scheme run from libraries and the reablement service gives "
                   "older people living alone a simple tablet with data, and a volunteer "
                   "who visits until they are confident using it.",
        "problem": "Reablement staff saw people return home from hospital to no internet, no "
                   "way to video call family and no way to order shopping. Devices handed "
                   "out without support ended up in drawers.",
        "what_we_did": "We set up tablets with large icons and a few apps, paired each "
                       "borrower with a volunteer from the library's digital buddies, and "
                       "collected the device after six months or helped the person buy "
                       "their own.",
        "outcomes": [
            ("People supported", 210, "people", None, "2024/25"),
            ("Borrowers still online six months after return", 63, "%", None, "2024/25"),
        ],
        "cost_band": "10k_50k",
        "outputs": [
            ("document", "Digital buddy volunteer role description",
             "Role, training and safeguarding."),
        ],
        "started": "2024-03-01",
        "finished": "2025-06-30",
        "contact": ("Kirsty Baird", "Community learning officer", False),
    },
]
