# modes: eval
import os
