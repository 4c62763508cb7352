"""Calendar arithmetic the apps share."""

import calendar


def add_months(moment, months):
    """The same day (and time) `months` calendar months on, or back when negative; the
    month's last day when it is shorter. Works on dates and datetimes."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )
