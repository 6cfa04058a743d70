// The PreflightSchema module. Its files arrive with the issues that build it; see README.md.
