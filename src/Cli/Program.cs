using ConfigConvert.Cli;
using ConfigConvert.Cli.Hosting;

HeapHugePages.Prepare();
return CliApplication.Run(args, CliConsole.System);
