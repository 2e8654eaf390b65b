"""Programme permissions: the secretariat of an edition (or of its forum) schedules and
publishes; everyone reads what is public."""

import rules

from convoca.stakeholders.rules import is_secretariat, is_verified

rules.add_perm("programme.keep_agenda", is_verified)
rules.add_perm("programme.view_unpublished", is_secretariat)
