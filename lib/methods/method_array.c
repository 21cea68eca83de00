/* (being written) */
#include "methods/methods.h"
