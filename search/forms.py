from django import forms

MIN_PROBLEM_LENGTH = 20
MAX_PROBLEM_LENGTH = 5000


class ProblemStatementForm(forms.Form):
    problem = forms.CharField(
        label="Describe the problem in your own words",
        help_text="A few sentences is enough: what is happening, who it affects, what you "
        f"have tried. Between {MIN_PROBLEM_LENGTH} and {MAX_PROBLEM_LENGTH:,} characters.",
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=True,
        error_messages={"required": "Enter a description of the problem"},
    )

    def clean_problem(self):
        problem = " ".join(self.cleaned_data["problem"].split())
        if len(problem) < MIN_PROBLEM_LENGTH:
            raise forms.ValidationError(
                f"Describe the problem in at least {MIN_PROBLEM_LENGTH} characters, so there "
                "is enough to match on"
            )
        if len(problem) > MAX_PROBLEM_LENGTH:
            raise forms.ValidationError(
                f"Describe the problem in {MAX_PROBLEM_LENGTH:,} characters or fewer "
                f"(you entered {len(problem):,})"
            )
        if not any(character.isalpha() for character in problem):
            raise forms.ValidationError("Describe the problem in words")
        return problem
