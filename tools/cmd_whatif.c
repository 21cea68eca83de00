/* egdi whatif: (being written) */
#include "egdi_tool.h"

int cmd_whatif(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return tool_usage("whatif: not built yet");
}
