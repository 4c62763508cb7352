from django.db import models


class Phase(models.TextChoices):
    DISCOVERY = "discovery", "Discovery"
    ALPHA = "alpha", "Alpha"
    BETA = "beta", "Beta"
    LIVE = "live", "Live"
    RETIRED = "retired", "Retired"


class CollaborationStance(models.TextChoices):
    SHARE_IDEAS = "share_ideas", "Happy to share ideas"
    OPEN_TO_CONVERSATION = "open_to_conversation", "Open to a conversation"
    SHARE_FUNDING = "share_funding", "Looking to share funding"
    LOOKING_FOR_PARTNERS = "looking_for_partners", "Looking for partners"


class BudgetBand(models.TextChoices):
    NONE = "none", "No direct cost"
    UNDER_10K = "under_10k", "Under £10,000"
    FROM_10K_TO_50K = "10k_50k", "£10,000 to £50,000"
    FROM_50K_TO_250K = "50k_250k", "£50,000 to £250,000"
    FROM_250K_TO_1M = "250k_1m", "£250,000 to £1 million"
    OVER_1M = "over_1m", "Over £1 million"
