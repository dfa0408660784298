// The whole embedding API in one include. See engine.h for the tour.
#pragma once

#include "arcane/engine.h"
#include "arcane/error.h"
#include "arcane/result_set.h"
#include "arcane/value.h"
#include "arcane/version.h"
