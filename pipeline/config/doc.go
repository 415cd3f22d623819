// Package config reads coopreport.toml: the settings a ministry keeps
// beside its data, which command-line flags override.
package config
