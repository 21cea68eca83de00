/**
 * @file describe.h
 * @brief (being written)
 */
#ifndef EGDI_DESCRIBE_H
#define EGDI_DESCRIBE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
