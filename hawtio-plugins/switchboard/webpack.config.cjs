// Builds Switchboard as a Module Federation remote: the Hawtio console loads <url>/remoteEntry.js and calls the
// `plugin()` of module './plugin'. React, React Router and @hawtio/react are the console's own copies (singletons,
// import: false: never bundled, so there is one React and one Hawtio core on the page); PatternFly is bundled.
const { ModuleFederationPlugin } = require('webpack').container
const path = require('path')
const { dependencies } = require('./package.json')

const consoleShared = name => ({ singleton: true, import: false, requiredVersion: dependencies[name] })

module.exports = (_, args) => ({
  entry: {},
  mode: args.mode || 'production',
  devtool: false,
  plugins: [
    new ModuleFederationPlugin({
      name: 'switchboard',
      filename: 'remoteEntry.js',
      exposes: { './plugin': './src/index' },
      shared: {
        react: consoleShared('react'),
        'react-dom': consoleShared('react-dom'),
        'react-router-dom': consoleShared('react-router-dom'),
        '@hawtio/react': consoleShared('@hawtio/react'),
      },
    }),
  ],
  output: {
    path: path.resolve(__dirname, process.env.SWITCHBOARD_OUTPUT || 'target/classes/static/switchboard'),
    publicPath: 'auto',
    clean: true,
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].chunk.js',
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
        },
      },
    ],
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  performance: { hints: false },
})
