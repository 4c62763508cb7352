"""Demo lessons learned, each linked (by slug) to the case studies or projects behind it."""

LESSONS = [
    {
        "slug": "ask-the-crews-why-bins-were-missed",
        "title": "Ask the crews why bins were missed before buying technology",
        "council": "LDS",
        "themes": ["waste", "workforce-and-skills"],
        "tags": ["missed bins", "frontline staff"],
        "published": "2024-05-14",
        "summary": "Our crews already knew why collections failed. Designing the in-cab "
                   "exception codes with them made the technology work and won their trust.",
        "context": "We were about to buy in-cab tablets to reduce missed bin complaints and "
                   "assumed the supplier's standard codes would do.",
        "what_worked": "Two workshops with drivers and loaders produced four codes that "
                       "covered nearly every real case. Crews used them because they had "
                       "chosen the words.",
        "what_did_not": "Supplier training videos made for other councils confused people; "
                        "our own supervisors trained their crews instead.",
        "advice": "Before you buy anything, ride on a round for a week and write down every "
                  "reason a bin is left. Then design with the people who empty them.",
        "sources": ["in-cab-tablets-cut-missed-bin-reports",
                    "common-data-standard-for-bin-collection-events"],
    },
    {
        "slug": "chatbots-need-content-owners",
        "title": "A chatbot is only as good as the person who owns its answers",
        "council": "SHF",
        "themes": ["customer-contact", "revenues-and-benefits"],
        "tags": ["chatbot", "content design"],
        "published": "2024-02-06",
        "reviewed": "2025-03-10",
        "summary": "Our council tax chatbot worked well for four months, then started "
                   "giving out last year's figures. The fix was organisational, not "
                   "technical.",
        "context": "The chatbot was set up by the digital team with help from revenues. "
                   "When the annual bills went out, nobody updated the answers.",
        "what_worked": "Naming a revenues officer as owner of the answers, with a diary of "
                       "dates when content changes, such as billing, discounts and "
                       "instalments.",
        "what_did_not": "Relying on the chatbot's own analytics to spot stale answers. "
                        "Wrong answers still looked like resolved conversations.",
        "advice": "Give the service team, not the digital team, ownership of what the bot "
                  "says, and review answers after every annual change.",
        "sources": ["council-tax-chatbot-answers-out-of-hours",
                    "bilingual-council-tax-assistant-for-wales"],
    },
    {
        "slug": "temporary-accommodation-costs-are-in-the-nights",
        "title": "The cost of temporary accommodation is in the nights, not the rent",
        "council": "BST",
        "themes": ["housing", "finance-and-commercial"],
        "tags": ["temporary accommodation", "business cases"],
        "published": "2025-01-21",
        "summary": "Our first business case for buying homes compared rents and missed the "
                   "real saving: fewer nights in rooms paid by the night.",
        "context": "Finance colleagues were sceptical about borrowing to buy homes when "
                   "rents barely covered interest.",
        "what_worked": "Modelling nights avoided, the benefit subsidy gap and the cost of "
                       "families staying longer in unsuitable rooms.",
        "what_did_not": "Comparing with average private rents, which hid the gap between "
                        "what we paid and what housing benefit covered.",
        "advice": "Model the whole cost of a night in temporary accommodation, including "
                  "what housing benefit does not cover, and share the model with finance "
                  "early.",
        "sources": ["buying-homes-to-cut-bed-and-breakfast-use",
                    "joint-procurement-of-temporary-accommodation"],
    },
    {
        "slug": "start-send-transport-reviews-with-families",
        "title": "Start school transport reviews with families, not routes",
        "council": "KEN",
        "themes": ["children-and-families", "highways-and-transport"],
        "tags": ["SEND transport", "co-production"],
        "published": "2024-06-11",
        "summary": "Route optimisation found big savings on paper. The savings only held "
                   "when families had been asked first what would work for their child.",
        "context": "Software proposed sharing routes for hundreds of children with special "
                   "educational needs.",
        "what_worked": "Calling each family before changing a route, with a named officer "
                       "and a trial fortnight.",
        "what_did_not": "Letters announcing new arrangements in late August; several had to "
                        "be reversed after complaints and tribunal threats.",
        "advice": "Treat optimisation as a list of conversations to have, and start them "
                  "in the spring term.",
        "sources": ["home-to-school-transport-route-optimisation",
                    "shared-send-transport-route-planning"],
    },
    {
        "slug": "untested-backups-are-wishes",
        "title": "A backup you have never restored is a wish, not a plan",
        "council": "CBD",
        "themes": ["cyber-security"],
        "tags": ["backups", "ransomware", "business continuity"],
        "published": "2024-08-27",
        "reviewed": "2025-08-26",
        "summary": "Every backup report was green. Restoring our case management system in "
                   "test took four days and two calls to the supplier.",
        "context": "After a ransomware exercise we tried to restore our ten most critical "
                   "systems in an isolated environment.",
        "what_worked": "Restoring one system a month, timing it, and writing down every "
                       "missing password and licence key.",
        "what_did_not": "Trusting backup success reports that checked files had been copied, "
                        "not that the system could run again.",
        "advice": "Pick your most critical system and restore it this quarter. Put the "
                  "time it took in front of your leadership team.",
        "sources": ["ransomware-exercise-and-offline-backups",
                    "regional-cyber-incident-playbook"],
    },
    {
        "slug": "lend-devices-with-data-and-a-helper",
        "title": "Lend a device with data and a person, or it ends up in a drawer",
        "council": "DND",
        "themes": ["digital-inclusion", "libraries-and-culture"],
        "tags": ["device lending", "digital skills"],
        "published": "2025-10-28",
        "summary": "Handing out tablets during the pandemic taught us that a device alone "
                   "rarely gets someone online. Data and a regular helper do.",
        "context": "We gave away hundreds of tablets in 2020 and later found many unused.",
        "what_worked": "Lending rather than giving, with a data SIM and a volunteer who "
                       "visits or phones weekly until the borrower is confident.",
        "what_did_not": "Expecting people to use public wifi, or to call a helpline when "
                        "stuck.",
        "advice": "Budget for connectivity and support before devices; they cost more "
                  "and matter more.",
        "sources": ["tablets-with-data-for-people-leaving-hospital",
                    "library-laptop-and-tablet-lending", "west-of-scotland-device-bank"],
    },
    {
        "slug": "call-everyone-on-the-waiting-list",
        "title": "Waiting lists hide people: call everyone on them",
        "council": "NFK",
        "themes": ["adult-social-care"],
        "tags": ["waiting lists", "risk"],
        "published": "2024-03-05",
        "summary": "A waiting list of 2,000 names told us nothing about risk. Phoning "
                   "everyone found people in crisis and people who no longer needed us.",
        "context": "Our assessment waiting list had grown for two years and was managed by "
                   "date order.",
        "what_worked": "A short risk script, experienced staff making the calls, and "
                       "immediate equipment or short-term support where that was all "
                       "someone needed.",
        "what_did_not": "Letters asking people to tell us if their needs had changed; few "
                        "replied.",
        "advice": "Know who is on your list and how they are this week, not when they "
                  "joined it.",
        "sources": ["clearing-the-social-care-assessment-waiting-list",
                    "adult-social-care-waiting-list-toolkit"],
    },
    {
        "slug": "publicise-fly-tipping-prosecutions",
        "title": "Cameras deter fly-tipping only when people hear about the fines",
        "council": "CMN",
        "themes": ["waste", "community-safety"],
        "tags": ["fly-tipping", "communications"],
        "published": "2024-01-30",
        "summary": "Our cameras caught offenders, but dumping at the same sites only fell "
                   "once we published each prosecution locally in both languages.",
        "context": "We deployed cameras at fly-tipping hotspots and began prosecuting.",
        "what_worked": "Press releases and social posts naming the area (never the camera "
                       "site), with photos of the rubbish and the fine.",
        "what_did_not": "Signs alone. Repeat offenders learned which signs had no camera.",
        "advice": "Plan the communications with the enforcement, and tell the local "
                  "community council when a case succeeds.",
        "sources": ["fly-tipping-hotspots-deployable-cameras",
                    "shared-fly-tipping-enforcement-northern-ireland"],
    },
    {
        "slug": "choose-charge-point-sites-with-parishes",
        "title": "Choose rural charge point sites with the parish, then check the grid",
        "council": "CON",
        "themes": ["climate", "highways-and-transport"],
        "tags": ["EV charging", "community engagement"],
        "published": "2025-04-15",
        "summary": "Parishes knew where chargers would be used; the grid decided where they "
                   "could go. We learned to ask both before promising anything.",
        "context": "We asked parish councils to nominate sites for new charge points.",
        "what_worked": "Parish nominations produced well-used sites near pubs, halls and "
                       "shops.",
        "what_did_not": "A third of nominated sites needed grid upgrades costing more than "
                        "the chargers, and parishes felt let down.",
        "advice": "Get grid capacity data for candidate sites first, then go to parishes "
                  "with a shortlist.",
        "sources": ["rural-ev-charge-points-in-village-car-parks",
                    "rural-charge-point-partnership"],
    },
    {
        "slug": "data-sharing-agreements-take-longer-than-models",
        "title": "The data sharing agreement takes longer than the model",
        "council": "LUT",
        "themes": ["data-and-standards", "housing"],
        "tags": ["data sharing", "homelessness prevention", "information governance"],
        "published": "2023-09-26",
        "summary": "Building a homelessness risk list took six weeks. Agreeing that we "
                   "could lawfully use the data took nine months.",
        "context": "We combined revenues, benefits and housing data to find households at "
                   "risk of losing their homes.",
        "what_worked": "Involving the data protection officer in the first meeting and "
                       "writing the impact assessment in plain English.",
        "what_did_not": "Asking lawyers to approve a finished model; they rightly sent us "
                        "back to explain purpose and proportionality.",
        "advice": "Start with the legal basis and a residents' panel. The analysis is the "
                  "easy part.",
        "sources": ["predicting-homelessness-from-council-tax-arrears",
                    "homelessness-prevention-data-sharing"],
    },
    {
        "slug": "treat-the-first-damp-report-seriously",
        "title": "Treat the first damp report as if it were the third",
        "council": "CRF",
        "themes": ["housing", "public-health"],
        "tags": ["damp and mould", "housing repairs"],
        "published": "2024-11-05",
        "summary": "Our reviews of serious damp cases found the same pattern: early "
                   "reports treated as lifestyle issues, and a visit only after months.",
        "context": "We reviewed 50 damp and mould cases that became formal complaints.",
        "what_worked": "Visiting within ten working days of any report, fixing the cause "
                       "and checking back after six weeks.",
        "what_did_not": "Leaflets on ventilation sent in reply to a first report; tenants "
                        "read them as blame.",
        "advice": "Never close a damp case without a visit, and measure how many reports "
                  "come back within a year.",
        "sources": ["damp-and-mould-sensors-in-council-homes",
                    "damp-and-mould-sensor-evaluation"],
    },
    {
        "slug": "pay-people-while-they-train",
        "title": "Pay people while they train and they stay",
        "council": "SAW",
        "themes": ["workforce-and-skills", "children-and-families"],
        "tags": ["social work recruitment", "apprenticeships", "retention"],
        "published": "2025-06-17",
        "summary": "Our support workers wanted to become social workers but could not "
                   "afford three years without pay. Salaried training changed that.",
        "context": "Social work vacancies in children's services were above 25%, filled by "
                   "agency staff.",
        "what_worked": "Salaried degree apprenticeships with protected study days and a "
                       "practice educator for each trainee.",
        "what_did_not": "Bursaries for external students, who mostly took jobs elsewhere.",
        "advice": "Look for your future social workers among the support workers, family "
                  "workers and personal assistants you already employ.",
        "sources": ["grow-your-own-social-workers"],
    },
    {
        "slug": "show-residents-the-budget-trade-offs",
        "title": "Ask residents to balance the budget, not to approve cuts",
        "council": "BFS",
        "themes": ["democracy", "finance-and-commercial"],
        "tags": ["budget consultation", "engagement"],
        "published": "2023-06-27",
        "summary": "When asked which services to cut, residents said none. When asked to "
                   "balance the budget themselves, they made hard choices and told us why.",
        "context": "We ran our rates consultation with an online budget simulator and "
                   "community workshops.",
        "what_worked": "Showing the cost of each service per household and letting people "
                       "raise rates as well as cut spending.",
        "what_did_not": "Too many budget lines at first; people gave up half way.",
        "advice": "Keep to a dozen categories and show what each choice means for a "
                  "typical street.",
        "sources": ["budget-conversation-toolkit",
                    "participatory-budgeting-for-neighbourhood-grants"],
    },
    {
        "slug": "fix-planning-validation-before-hiring",
        "title": "Fix the front door of planning before hiring more planners",
        "council": "YOR",
        "themes": ["planning", "workforce-and-skills"],
        "tags": ["planning backlog", "validation"],
        "published": "2024-09-24",
        "summary": "We were about to recruit temporary planners to clear a backlog. Most "
                   "of the delay was invalid applications going back and forth.",
        "context": "Applications were taking weeks to validate and decisions were late.",
        "what_worked": "Counting the reasons applications were invalid and fixing the top "
                       "five with agents.",
        "what_did_not": "Overtime for validation officers; it moved the queue without "
                        "shortening it.",
        "advice": "Measure how many applications are valid first time. If it is under half, "
                  "start there.",
        "sources": ["clearing-a-planning-validation-backlog", "digital-planning-register"],
    },
    {
        "slug": "agree-the-specification-before-the-lots",
        "title": "In a shared framework, agree what you are buying before the lots",
        "council": "ORK",
        "themes": ["procurement", "data-and-standards"],
        "tags": ["shared procurement framework", "small suppliers"],
        "published": "2026-06-09",
        "summary": "Joining a shared framework as a small island council, we learned that "
                   "the lot structure decides who can bid. Agree the need first.",
        "context": "Councils in the north of Scotland are building a shared framework for "
                   "digital services.",
        "what_worked": "A shared list of real projects each council expects to buy, with "
                       "sizes and dates, before any lot was drawn up.",
        "what_did_not": "Early drafts copied a national framework whose lots were too "
                        "large for local firms.",
        "advice": "Bring your pipeline of real work to the first meeting, and ask small "
                  "suppliers to review the lots.",
        "sources": ["highlands-and-islands-digital-framework"],
    },
    {
        "slug": "write-welsh-and-english-together",
        "title": "Write Welsh and English together, not one after the other",
        "council": "GWN",
        "themes": ["customer-contact", "digital-inclusion"],
        "tags": ["Welsh language", "content design"],
        "published": "2025-02-04",
        "summary": "Translating finished English pages produced Welsh that nobody wanted "
                   "to read. Pairing writers in both languages made both versions better.",
        "context": "We rebuilt our council tax account and forms in both languages.",
        "what_worked": "Welsh and English content designers drafting side by side and "
                       "testing with first-language speakers.",
        "what_did_not": "Sending finished pages for translation at the end of a sprint.",
        "advice": "Budget for bilingual content design from the start; it costs less than "
                  "fixing translations later.",
        "sources": ["bilingual-council-tax-online-account",
                    "map-based-consultation-on-the-local-plan"],
    },
]
