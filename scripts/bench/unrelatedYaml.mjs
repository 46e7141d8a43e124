// YAML that is no infrastructure code with policies, as users open it every day: GitHub workflows (one deploying to
// AWS with a role ARN, as aws-actions/configure-aws-credentials is used), Kubernetes manifests (one with an EKS
// service account's role annotation), a compose file, and a 1 MB file of Kubernetes manifests. Each with the path and
// language id VS Code gives it.

const ciWorkflow = `name: CI

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

concurrency:
  group: ci-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  test:
    runs-on: \${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, windows-latest, macos-latest]
        node: [20, 22]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
          cache: npm
      - run: npm ci
      - run: npm run lint
      - run: npm test -- --coverage
      - name: Upload coverage
        if: matrix.os == 'ubuntu-latest' && matrix.node == 22
        uses: actions/upload-artifact@v4
        with:
          name: coverage
          path: coverage/
          retention-days: 7

  build:
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npm run build
      - name: Package
        run: |
          npm pack
          mkdir -p artifacts
          mv *.tgz artifacts/
      - uses: actions/upload-artifact@v4
        with:
          name: package
          path: artifacts/
`;

const deployWorkflow = `name: Deploy

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  id-token: write
  contents: read

env:
  AWS_REGION: eu-west-1
  ECR_REPOSITORY: orders-api

jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - name: Configure AWS credentials
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::111122223333:role/github-deploy
          aws-region: \${{ env.AWS_REGION }}
      - name: Log in to Amazon ECR
        id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - name: Build and push the image
        env:
          REGISTRY: \${{ steps.ecr.outputs.registry }}
          IMAGE_TAG: \${{ github.sha }}
        run: |
          docker build -t $REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG .
          docker push $REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG
      - name: Deploy to ECS
        run: aws ecs update-service --cluster orders --service api --force-new-deployment
`;

const deployment = (name, replicas) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/shop/${name}:1.4.2
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${name}-db
                  key: url
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 512Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: shop
data:
  feature-flags: |
    checkout.v2=true
    search.suggestions=false
`;

const serviceAccount = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: orders
  namespace: shop
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/orders-irsa
---
${deployment('orders', 3)}`;

const compose = `services:
  api:
    build: .
    ports:
      - "8080:8080"
    environment:
      DATABASE_URL: postgres://shop:shop@db:5432/shop
      REDIS_URL: redis://cache:6379
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: shop
      POSTGRES_PASSWORD: shop
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U shop"]
      interval: 5s
      retries: 10
    volumes:
      - db-data:/var/lib/postgresql/data
  cache:
    image: redis:7
volumes:
  db-data:
`;

/** Kubernetes manifests for many services, about `bytes` long. */
function manyManifests(bytes) {
  const parts = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const part = deployment(`service-${n}`, 1 + (n % 4));
    parts.push(part);
    size += part.length + 4;
  }
  return parts.join('---\n');
}

/** { name, languageId, path, text } of each unrelated YAML. */
export function unrelatedYaml() {
  return [
    { name: 'a GitHub CI workflow', path: '/work/.github/workflows/ci.yml', text: ciWorkflow },
    { name: 'a GitHub deploy workflow (role ARN)', path: '/work/.github/workflows/deploy.yml', text: deployWorkflow },
    { name: 'a Kubernetes manifest', path: '/work/k8s/catalog.yaml', text: deployment('catalog', 2) },
    { name: 'a Kubernetes manifest (EKS role annotation)', path: '/work/k8s/orders.yaml', text: serviceAccount },
    { name: 'a compose file', path: '/work/compose.yaml', text: compose },
    { name: '1 MB of Kubernetes manifests', path: '/work/k8s/all.yaml', text: manyManifests(1_000_000) },
  ].map((d) => ({ ...d, languageId: 'yaml' }));
}
