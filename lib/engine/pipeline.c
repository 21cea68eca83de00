/* (being written) */
#include "engine/engine.h"
