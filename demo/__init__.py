"""Hand-written demo content for Shared Endeavour (content/*.yaml) and the code that loads
and removes it.

The councils are real (register codes from the shipped register); the people, figures and
stories are invented for demonstration.
"""
