using ConfigConvert.Fuzz;

return FuzzCommand.Run(args);
