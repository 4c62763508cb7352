"""Demo case studies: waste, street scene and housing."""

CASE_STUDIES = [
    {
        "slug": "in-cab-tablets-cut-missed-bin-reports",
        "title": "In-cab tablets cut missed bin reports by a third",
        "council": "LDS",
        "themes": ["waste", "customer-contact"],
        "tags": ["missed bins", "in-cab technology", "round optimisation"],
        "published": "2023-03-14",
        "reviewed": "2025-01-20",
        "summary": "Collection crews now record blocked roads, bins not presented and "
                   "contamination on a tablet in the cab, so the contact centre can answer "
                   "a missed bin call with the real reason instead of sending the lorry back.",
        "problem": "We were logging around 1,900 missed bin reports a month. Most were not "
                   "missed at all: the bin was not out, a parked car blocked the street or "
                   "the recycling was contaminated. Call handlers had no way to know, so "
                   "every report became a return visit.\n\n"
                   "Return visits cost us a crew and a vehicle most afternoons and made the "
                   "next day's rounds late.",
        "what_we_did": "We fitted rugged tablets to 68 refuse vehicles and gave crews four "
                       "one-tap exceptions. Exceptions appear on the resident's account and "
                       "in the contact centre within a minute.\n\n"
                       "- Crews helped design the buttons in two workshops\n"
                       "- The bin day checker on the website shows the crew's note\n"
                       "- Supervisors see hotspots by street each morning",
        "outcomes": [
            ("Missed bin reports per month", 1250, "reports", 1900, "2022/23 to 2023/24"),
            ("Return visits per week", 31, "visits", 74, "Autumn 2023"),
            ("Reports closed at first contact", 62, "%", 18, "2023/24"),
        ],
        "cost_band": "50k_250k",
        "cost_detail": "£140,000 for devices, software licences for three years and "
                       "installation; two weeks of crew training time.",
        "do_differently": "Involve the trade union at the start. We lost a month because "
                          "crews worried the tablets were for tracking individuals.",
        "outputs": [
            ("service_pattern", "Crew exception codes for missed collections",
             "Four codes, their wording and how each shows to residents."),
            ("document", "Crew engagement workshop plan", "Two 90-minute sessions."),
        ],
        "started": "2022-04-04",
        "finished": "2023-01-31",
        "contact": ("Gareth Holroyd", "Waste operations manager", True),
    },
    {
        "slug": "photographing-bins-not-presented",
        "title": "Settling missed collection disputes with a photo",
        "council": "STO",
        "themes": ["waste", "customer-contact"],
        "tags": ["missed bins", "assisted collections", "complaints"],
        "published": "2024-06-03",
        "summary": "A district council reduced repeat complaints about uncollected "
                   "recycling by letting crews photograph bins that were not put out, and "
                   "by rebuilding its list of assisted collections.",
        "problem": "Complaints about bins left behind had become the largest single category "
                   "in our complaints log. Residents insisted the box was out; crews "
                   "insisted it was not. Nobody could prove anything, and staff spent hours "
                   "on each stage-two complaint.\n\n"
                   "Our list of households needing help to get bins to the kerb had not "
                   "been checked in six years.",
        "what_we_did": "Crews take a time-stamped photo through the existing in-cab system "
                       "when a container is not presented. Customer services can share it "
                       "when a resident disputes the record. We wrote to every household on "
                       "the assisted collection list and re-assessed 410 of them by phone.",
        "outcomes": [
            ("Stage-two complaints about collections", 9, "complaints", 41, "2023/24"),
            ("Households on the assisted collection list", 1320, "households", 1610,
             "March 2024"),
        ],
        "cost_band": "under_10k",
        "cost_detail": "Configuration by our supplier and staff time for the review.",
        "do_differently": "Write the privacy notice before the first photo is taken, not "
                          "after the first subject access request.",
        "outputs": [
            ("document", "Privacy notice for crew photographs",
             "Covers retention, sharing and what we never photograph."),
        ],
        "started": "2023-09-01",
        "finished": "2024-03-29",
        "contact": ("Helen Marsh", "Customer services team leader", False),
    },
    {
        "slug": "collection-day-reminders-after-route-change",
        "title": "Reminders that got residents through a bin route change",
        "council": "FIF",
        "themes": ["waste", "digital-inclusion", "customer-contact"],
        "tags": ["missed bins", "route changes", "text messages"],
        "published": "2024-02-19",
        "reviewed": "2025-08-11",
        "summary": "When three in four households changed collection day, we offered email, "
                   "text and printed calendars, and kept a phone line for people who do not "
                   "go online. Missed collection reports stayed close to normal.",
        "problem": "Re-routing the fleet saved fuel and a vehicle, but meant 140,000 "
                   "households would change collection day. The last time we changed routes, "
                   "reports of missed bins trebled for two months and the phone lines were "
                   "swamped.",
        "what_we_did": "We built a sign-up for reminders on the night before collection, by "
                       "email or text, and posted calendars to every address with a QR code "
                       "and a phone number. Libraries and community centres helped older "
                       "residents sign up in person.",
        "outcomes": [
            ("Households signed up for reminders", 58000, "households", 0, "First 12 weeks"),
            ("Missed bin reports in the month after the change", 2100, "reports", 1850,
             "Same month, previous year"),
        ],
        "cost_band": "10k_50k",
        "cost_detail": "Text message costs of about £9,000 a year and printed calendars.",
        "outputs": [
            ("service_pattern", "Route change communication plan",
             "Eight-week plan, channels and scripts for the contact centre."),
        ],
        "started": "2023-05-15",
        "finished": "2023-11-30",
        "contact": ("Morag Lindsay", "Service change lead, waste", True),
    },
    {
        "slug": "fly-tipping-reports-with-photo-and-location",
        "title": "A fly-tipping report that tells enforcement officers where to look",
        "council": "NWM",
        "themes": ["waste", "community-safety"],
        "tags": ["fly-tipping", "street cleansing", "enforcement"],
        "published": "2023-07-10",
        "summary": "Residents report dumped rubbish with a photo and a pin on a map. "
                   "Reports go straight to clearance crews and, where there is evidence, "
                   "to enforcement officers, who issued more fixed penalties as a result.",
        "problem": "Fly-tipping reports came by phone and email with vague locations such "
                   "as 'behind the shops'. Crews wasted time searching, and officers rarely "
                   "saw evidence before it was cleared away.",
        "what_we_did": "We replaced the old web form with one that asks for a photo and a map "
                       "pin, and asks whether anything in the pile shows a name or address. "
                       "Those reports are held for an officer to inspect before clearance.",
        "outcomes": [
            ("Median time to clear a reported fly-tip", 1.5, "days", 3.2, "2022/23"),
            ("Fixed penalty notices for fly-tipping", 412, "notices", 167, "2022/23"),
        ],
        "cost_band": "10k_50k",
        "do_differently": "Ask the crews what a useful photo looks like. Many early photos "
                          "were close-ups that hid the location.",
        "outputs": [
            ("code", "Fly-tipping report form", "Form schema and map component."),
        ],
        "started": "2022-06-01",
        "finished": "2023-02-28",
        "contact": ("Adebayo Okonkwo", "Head of street environment", True),
    },
    {
        "slug": "fly-tipping-hotspots-deployable-cameras",
        "title": "Finding fly-tipping hotspots and moving the cameras to them",
        "council": "CMN",
        "partners": ["PEM", "CGN"],
        "themes": ["waste", "community-safety", "data-and-standards"],
        "tags": ["fly-tipping", "CCTV", "hotspot mapping", "rural"],
        "published": "2023-11-22",
        "reviewed": "2025-03-03",
        "summary": "Mapping three years of fly-tipping reports showed that a handful of "
                   "lay-bys and farm gateways drew most of the dumping. Rotating six "
                   "deployable cameras between them led to prosecutions and fewer repeat "
                   "incidents.",
        "problem": "Dumping on rural lanes is expensive to clear and hard to catch. Our "
                   "fixed cameras were in town centres where the problem had moved away "
                   "from years ago.",
        "what_we_did": "A data analyst mapped every cleared fly-tip since 2020 and ranked "
                       "locations by repeat incidents. We bought six battery cameras with "
                       "signage, moved them monthly, and publicised each prosecution in "
                       "Welsh and English."
                       "\n\nPembrokeshire and Ceredigion joined the camera rota for sites on "
                       "shared boundaries.",
        "outcomes": [
            ("Incidents at the ten worst locations", 96, "incidents", 231, "2022/23"),
            ("Prosecutions for fly-tipping", 14, "cases", 3, "2022/23"),
        ],
        "cost_band": "10k_50k",
        "cost_detail": "Cameras £27,000; analyst time about 15 days.",
        "outputs": [
            ("data", "Fly-tipping incidents by location, 2020 to 2023",
             "Open data with locations rounded to 100 metres."),
        ],
        "started": "2022-09-01",
        "finished": "2023-08-31",
        "contact": ("Rhian Pritchard", "Environmental enforcement manager", False),
    },
    {
        "slug": "rural-lane-dumping-landowner-evidence-pack",
        "title": "Working with landowners on dumping in rural lanes",
        "council": "DRS",
        "themes": ["waste", "community-safety", "climate"],
        "tags": ["fly-tipping", "rural", "landowners"],
        "published": "2025-04-08",
        "summary": "Farmers were left to clear rubbish dumped on private land at their own "
                   "cost. An evidence pack, a reporting route and a shared clearance fund "
                   "turned a source of anger into joint enforcement.",
        "problem": "Waste dumped on private farmland is the landowner's responsibility to "
                   "clear. Farmers told us they had stopped reporting it because nothing "
                   "happened, and some were burning it.",
        "what_we_did": "We wrote a one-page guide for landowners on keeping evidence safely, "
                       "opened a reporting route for private land and set aside a small "
                       "fund to clear sites where the landowner helped a prosecution.",
        "outcomes": [
            ("Reports from private land", 187, "reports", 22, "2024/25"),
            ("Cases passed to enforcement with evidence", 39, "cases", 4, "2024/25"),
        ],
        "cost_band": "10k_50k",
        "cost_detail": "£25,000 clearance fund, jointly with the farming union branch.",
        "outputs": [
            ("document", "Landowner guide to fly-tipping evidence",
             "One page: what to photograph, what not to touch, whom to call."),
        ],
        "started": "2024-02-01",
        "finished": "2025-01-31",
        "contact": ("Ciaran McLaughlin", "Environmental services officer", True),
    },
    {
        "slug": "buying-homes-to-cut-bed-and-breakfast-use",
        "title": "Buying homes to take families out of bed and breakfast",
        "council": "BST",
        "themes": ["housing", "finance-and-commercial"],
        "tags": ["temporary accommodation", "homelessness", "acquisitions"],
        "published": "2024-09-17",
        "reviewed": "2026-01-12",
        "summary": "Nightly-paid rooms for homeless families were our fastest-growing cost. "
                   "Buying 120 homes on the open market to use as temporary accommodation "
                   "will pay back in about nine years and gives families a kitchen.",
        "problem": "Families were spending months in single rooms without cooking "
                   "facilities, often miles from school. We were paying up to £110 a night "
                   "and recovering a fraction through housing benefit.",
        "what_we_did": "Cabinet approved borrowing to buy ex-right-to-buy and market homes, "
                       "refurbished to a standard we set with families who had lived in "
                       "temporary accommodation. A small acquisitions team works to a "
                       "price and condition checklist.",
        "outcomes": [
            ("Families in bed and breakfast for more than six weeks", 12, "families", 87,
             "March 2024"),
            ("Net cost of temporary accommodation per household per year", 6200, "£", 17400,
             "2024/25"),
        ],
        "cost_band": "over_1m",
        "cost_detail": "£31 million of prudential borrowing, partly offset by a government "
                       "grant for local authority housing.",
        "do_differently": "Set up the repairs contract before the first purchase completes.",
        "outputs": [
            ("document", "Business case for buying temporary accommodation",
             "Redacted cabinet report and the payback model."),
            ("data", "Payback model spreadsheet", "Inputs for nightly rates and rents."),
        ],
        "started": "2023-04-01",
        "finished": "2024-07-31",
        "contact": ("Priya Desai", "Head of housing options", True),
    },
    {
        "slug": "predicting-homelessness-from-council-tax-arrears",
        "title": "Spotting households at risk of homelessness before crisis",
        "council": "LUT",
        "themes": ["housing", "data-and-standards", "revenues-and-benefits"],
        "tags": ["homelessness prevention", "data sharing", "early intervention"],
        "published": "2023-05-30",
        "summary": "By combining council tax arrears, housing benefit changes and rent "
                   "arrears flags, our prevention team contacts households months before an "
                   "eviction notice, and more of them keep their homes.",
        "problem": "Most households reached our housing options service with a notice "
                   "already in hand, leaving a few weeks to act. Other parts of the council "
                   "often knew about money problems long before.",
        "what_we_did": "We agreed a data protection impact assessment and a sharing agreement "
                       "between revenues, benefits and housing, and built a monthly list of "
                       "households with several warning signs. Prevention officers call or "
                       "visit, offering debt advice and help with the landlord.",
        "outcomes": [
            ("Households whose homelessness was prevented", 640, "households", 410,
             "2022/23"),
            ("Share of contacted households who kept their home", 71, "%", None,
             "First year"),
        ],
        "cost_band": "50k_250k",
        "cost_detail": "Two prevention officers and a data analyst for two years.",
        "do_differently": "Bring the residents' panel in earlier. People were fine with the "
                          "calls but wanted us to explain how we knew.",
        "outputs": [
            ("document", "Data protection impact assessment",
             "For sharing revenues and benefits data with housing."),
            ("code", "Risk list queries", "SQL against common revenues systems."),
        ],
        "started": "2021-10-01",
        "finished": "2023-03-31",
        "contact": ("Imran Chaudhry", "Prevention and data manager", False),
    },
    {
        "slug": "rapid-rehousing-reducing-hotel-placements",
        "title": "Moving people out of hotels through rapid rehousing",
        "council": "GLG",
        "themes": ["housing", "public-health"],
        "tags": ["temporary accommodation", "rapid rehousing", "housing first"],
        "published": "2025-01-28",
        "summary": "Hotel and bed and breakfast placements grew every year. A rapid "
                   "rehousing plan with housing associations and health partners moved "
                   "people into settled homes faster and cut the nights spent in hotels.",
        "problem": "People with nowhere to stay were placed in hotels for an average of "
                   "seven months. It was expensive, poor for health, and in breach of the "
                   "unsuitable accommodation order.",
        "what_we_did": "We agreed a share of lets from each housing association partner, "
                       "expanded Housing First for people with complex needs, and put a "
                       "health link worker in the homelessness team.",
        "outcomes": [
            ("Average nights in hotel or bed and breakfast", 94, "nights", 212, "2023/24"),
            ("Housing First tenancies sustained after a year", 86, "%", None, "2024"),
        ],
        "cost_band": "over_1m",
        "cost_detail": "Scottish Government rapid rehousing funding and council budget.",
        "outputs": [
            ("service_pattern", "Housing association lets agreement",
             "How partners agreed their share of lets each quarter."),
        ],
        "started": "2022-04-01",
        "finished": "2024-10-31",
        "contact": ("Fiona McArthur", "Service manager, homelessness", True),
    },
    {
        "slug": "video-triage-for-housing-repairs",
        "title": "Video calls that get the right trade to a repair first time",
        "council": "HCK",
        "themes": ["housing", "customer-contact"],
        "tags": ["housing repairs", "triage", "first-time fix"],
        "published": "2023-10-05",
        "reviewed": "2025-04-14",
        "summary": "Tenants can show a repair on a video call. Surveyors decide the trade, "
                   "the parts and the urgency before anyone visits, so more repairs are "
                   "finished on the first visit.",
        "problem": "Four in ten repair visits ended with 'needs another trade' or 'need to "
                   "order parts'. Tenants took days off work for visits that achieved "
                   "nothing, and complaints rose.",
        "what_we_did": "We offered video diagnosis for non-emergency repairs, using a link "
                       "sent by text, with no app needed. A small team of experienced "
                       "surveyors staffs it. Tenants who prefer a phone call still get one.",
        "outcomes": [
            ("Repairs completed at the first visit", 78, "%", 59, "2023/24"),
            ("Wasted visits per month", 420, "visits", 1100, "2022/23"),
        ],
        "cost_band": "10k_50k",
        "outputs": [
            ("service_pattern", "Video repair triage script",
             "Questions by repair type, with photos of what to show."),
        ],
        "started": "2022-11-01",
        "finished": "2023-07-31",
        "contact": ("Tomasz Nowak", "Repairs service improvement lead", True),
    },
    {
        "slug": "damp-and-mould-sensors-in-council-homes",
        "title": "Sensors that warn us about damp before tenants do",
        "council": "CRF",
        "themes": ["housing", "public-health", "climate"],
        "tags": ["damp and mould", "sensors", "housing repairs"],
        "published": "2024-04-23",
        "summary": "Humidity and temperature sensors in 2,000 council homes flag the "
                   "conditions that lead to mould. Officers visit with advice, repairs or "
                   "ventilation work before a complaint is made.",
        "problem": "After the death of a young child in Rochdale from mould exposure, we "
                   "reviewed our response to damp and mould. Most cases reached us late, "
                   "after months of worsening conditions.",
        "what_we_did": "We installed sensors in the homes our stock survey rated most at "
                       "risk, with tenants' consent. Alerts go to a damp and mould team who "
                       "visit within ten working days and follow up after the work.",
        "outcomes": [
            ("Homes with a damp alert resolved before a complaint", 340, "homes", None,
             "2023/24"),
            ("Damp and mould complaints", 510, "complaints", 880, "2022/23"),
        ],
        "cost_band": "250k_1m",
        "cost_detail": "Sensors, connectivity and a dashboard for three years.",
        "do_differently": "Explain the sensors door to door. A letter alone led some tenants "
                          "to think we were checking whether they dried clothes indoors.",
        "outputs": [
            ("research", "Tenant views on home sensors", "Interviews with 30 tenants."),
        ],
        "started": "2023-02-01",
        "finished": "2024-01-31",
        "contact": ("Siân Morgan", "Damp and mould programme manager", True),
    },
]
