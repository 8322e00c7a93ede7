import express from "express"
import { db } from "../lib/db.js"
import { billing } from "../lib/billing.js"

export const router = express.Router()

router.post("/signup", async (req, res) => {
    const { email, name } = req.body
    const user = await db.user.create({ data: { email, name } })
    await billing.ensureCustomer({ externalId: user.id, email: user.email, name: user.name })
    res.status(201).json({ id: user.id })
})
