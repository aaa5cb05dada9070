"doc"
from __future__ import nested_scopes, not_a_feature
