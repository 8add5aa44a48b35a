using ConfigConvert.Cli;

return CliApplication.Run(args, CliConsole.System);
